#!/usr/bin/env bash
# The test command: prepares this host (scripts/local-services.sh: installs PostgreSQL and RabbitMQ
# from Debian packages if missing, starts them if down, creates the databases, virtual hosts and
# users the tests need), selects a JDK 25 (scripts/jdk.sh), then runs every test: ./mvnw -B verify. Arguments go to Maven, e.g.
#
#   ./test.sh                       everything, the fault suite included (about 17 minutes on 2 cores)
#   ./test.sh -DskipFaults=true     everything but the fault suite (about 7 minutes)
#
# It needs root or passwordless sudo (installing, and the fault suite stops and starts the servers)
# and Maven Central (the wrapper downloads Maven and the dependencies). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")"
# A JDK 25 (decision 0028): JAVA_HOME and PATH point at it for Maven and the services the tests start.
. scripts/jdk.sh

scripts/local-services.sh
./mvnw -B verify "$@"
