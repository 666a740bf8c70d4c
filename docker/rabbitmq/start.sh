#!/usr/bin/env bash
# The rabbitmq container's command: starts the broker, creates the users, virtual hosts and
# permissions of scripts/provision/rabbitmq.sh (passwords from .local/credentials.env, which the
# compose file passes in), marks it done for the health check, and stays with the broker.
set -euo pipefail
rabbitmq-server &
server=$!
until rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 1
done
MANIFEST=/provision/integration-events.yaml bash /provision/rabbitmq.sh
touch /tmp/provisioned
wait "$server"
