#!/usr/bin/env bash
# fp32 square GEMM GFLOP/s through the CPU device (EjmlDevice.matmul); prints one JSON line per size and thread count.
# Usage: bench/gemm.sh [--sizes 256,512,1024,2048] [--threads 2,1] [--warmup 3] [--round 1] [--rounds 5]
# Env: JAVA (default: java on PATH), GANGLION_BUILD=1 forces a rebuild, JAVA_OPTS extra JVM flags.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
if [ "${GANGLION_BUILD:-0}" = 1 ] || [ ! -d "$here/target/classes/org/ganglion/bench" ] || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
fi
exec "${JAVA:-java}" --add-modules jdk.incubator.vector ${JAVA_OPTS:-} \
  -cp "$here/target/classes:$here/target/lib/*" org.ganglion.bench.GemmBench "$@"
