#!/usr/bin/env bash
# Runs the fault suite (e2e-tests/src/test/java/org/acme/e2e/faults) against this machine's real
# PostgreSQL and RabbitMQ, then writes its figures into docs/reliability.md. About 11 minutes.
# The suite stops, kills and restarts those servers: run it where nothing else uses them.
#
#   scripts/reliability.sh                   # every scenario
#   scripts/reliability.sh PoisonIT          # one scenario class
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh || exit 1

scripts/local-services.sh || exit 1
rm -rf e2e-tests/target/reliability
./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -DskipEndToEnd=true \
  -Dit.test="org.acme.e2e.faults.${1:-*IT}"
status=$?

if ls e2e-tests/target/reliability/*.json >/dev/null 2>&1; then
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
  python3 scripts/reliability-report.py e2e-tests/target/reliability "$commit" docs/reliability.md
  echo "[reliability] docs/reliability.md updated"
fi
exit $status
