#!/usr/bin/env bash
# JMH micro-benchmarks of the bench module (e.g. OpOverheadBench). Usage: bench/jmh.sh [JMH args, e.g. OpOverheadBench -f 1]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
if [ "${GANGLION_BUILD:-0}" = 1 ] || [ ! -f "$here/target/classes/META-INF/BenchmarkList" ] || [ ! -d "$here/target/lib" ]; then
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
fi
exec "${JAVA:-java}" --add-modules jdk.incubator.vector ${JAVA_OPTS:-} \
  -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main "$@"
