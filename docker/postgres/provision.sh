#!/usr/bin/env bash
# Run once by the postgres image, when it initialises an empty data directory (docker-compose.yml
# mounts it into /docker-entrypoint-initdb.d/): the roles and databases of scripts/provision/postgres.sh,
# with the passwords of .local/credentials.env (the compose file passes them in).
set -euo pipefail
MANIFEST=/provision/integration-events.yaml bash /provision/postgres.sh
