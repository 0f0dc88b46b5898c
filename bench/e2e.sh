#!/usr/bin/env bash
# End-to-end benchmarks on the CPU device: MlpBench (Fashion-MNIST MLP training, s/epoch, heap) or
# InferBench (MLP inference samples/s). Usage: bench/e2e.sh MlpBench [epochs] | bench/e2e.sh InferBench
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
if [ "${GANGLION_BUILD:-0}" = 1 ] || [ ! -d "$here/target/classes/org/ganglion/bench" ] || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
fi
main=$1; shift
exec "${JAVA:-java}" --add-modules jdk.incubator.vector ${JAVA_OPTS:-} \
  -cp "$here/target/classes:$here/target/lib/*" "org.ganglion.bench.$main" "$@"
