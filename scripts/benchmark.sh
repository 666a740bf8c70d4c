#!/usr/bin/env bash
# Measures the system against this machine's limits and writes docs/benchmarks.md (and
# docs/benchmarks.json): PostgreSQL and RabbitMQ alone, then the packaged services under load,
# each version three times (every figure the median, with its min-max).
#
#   scripts/benchmark.sh                      this version, 3 runs (about 16 minutes)
#   scripts/benchmark.sh --tracing            and this version with tracing on, beside it, with the saga's hops (about 31 minutes)
#   scripts/benchmark.sh --baseline <ref>     and <ref> beside it, built in a worktree on the Java it names (about 35 minutes; a <ref>
#                                             without a management port is seen ready on its public port)
#   scripts/benchmark.sh --variant V          and this version run another way, beside it: V is comma-separated
#                                             NAME=VALUE (a setting), java=PATH (another JVM), -XX:... (a JVM option
#                                             after jvm.options); repeatable, each about 16 minutes more
#   scripts/benchmark.sh --runs 1             one run of each (a quick look: not a figure to publish)
#   scripts/benchmark.sh --only ingest,saga   some parts (ingest, saga, relay) of this version, printed, not written
#   scripts/benchmark.sh --only saga --profile  the same, each service sampled by async-profiler, summarised
#   scripts/benchmark.sh --only saga --variant -XX:NativeMemoryTracking=summary   the same, run as the variant says
#   scripts/benchmark.sh --smoke              seconds, small counts, into benchmarks/target (what the tests run)
#
# It needs what ./mvnw -B verify needs (scripts/local-services.sh sets it up), and the machine to
# itself: everything it measures shares the same cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh

scripts/local-services.sh
# The services' class-data archives (start-up) are recorded by the benchmark's training start
# (decision 0022), for each JVM it runs them on.
./mvnw -B -q package -DskipTests -pl benchmarks -am
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)" -Drepository.root="$PWD" org.acme.benchmarks.Benchmark "$@"
