#!/usr/bin/env bash
# Ganglion's CPU device vs the peer (PyTorch) on fp32 square GEMM, run by run alternately (A B A B ...),
# as the peer's README asks on this shared, noisy machine; prints a markdown table of medians and ratios.
# Usage: bench/gemm-vs-peer.sh            Env: PEER (folder with peer.sh; default ../shared/bench next
#        to the checkout), RUNS (3), JAVA (java on PATH), OUT (bench/target/gemm-vs-peer).
# Per run: Ganglion at 2 and 1 threads (bench/gemm.sh), then peer.sh gemm (PyTorch, 2 threads), then
# the peer's gemm_py.py with --threads 1 in peer.sh's environment (peer.sh itself has no thread option).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PEER=${PEER:-$root/../shared/bench}
RUNS=${RUNS:-3}
out=${OUT:-$here/target/gemm-vs-peer}
mkdir -p "$out"
"$here/gemm.sh" --sizes 256 --threads 1 --warmup 0.2 --round 0.1 --rounds 1 >/dev/null   # builds if needed
for i in $(seq 1 "$RUNS"); do
  echo "run $i/$RUNS: ganglion" >&2
  "$here/gemm.sh" --threads 2,1 > "$out/ganglion-$i.jsonl"
  echo "run $i/$RUNS: peer, 2 threads" >&2
  "$PEER/peer.sh" gemm > "$out/peer2-$i.json"
  echo "run $i/$RUNS: peer, 1 thread" >&2
  # the environment peer.sh sets up for its fastest PyTorch (OpenBLAS AVX-512 kernels, malloc tuning)
  (unset OPENBLAS_L2_SIZE
   export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=SkylakeX \
          GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296
   /usr/bin/python3 "$PEER/gemm_py.py" --threads 1 --libs torch 2>/dev/null) > "$out/peer1-$i.json"
done
python3 - "$out" "$RUNS" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
g, p = {}, {}
for i in range(1, runs + 1):
    for line in open(f"{out}/ganglion-{i}.jsonl"):
        r = json.loads(line); g.setdefault((r["threads"], r["n"]), []).append(r["median"])
    for t in (2, 1):
        d = json.load(open(f"{out}/peer{t}-{i}.json"))
        for r in d["results"]:
            if r["lib"] == "torch": p.setdefault((t, r["n"]), []).append(r["median"])
print("| threads | n | Ganglion GFLOP/s | PyTorch GFLOP/s | ratio | Ganglion runs | PyTorch runs |")
print("|---|---|---|---|---|---|---|")
for (t, n) in sorted(g, key=lambda k: (-k[0], k[1])):
    a, b = statistics.median(g[(t, n)]), statistics.median(p.get((t, n), [float("nan")]))
    fmt = lambda v: "/".join(f"{x:.0f}" for x in v)
    print(f"| {t} | {n} | {a:.0f} | {b:.0f} | {a / b:.2f} | {fmt(g[(t, n)])} | {fmt(p.get((t, n), []))} |")
PY
