#!/usr/bin/env bash
# Makes sure PostgreSQL and RabbitMQ run on this host and hold what the services and their tests
# need: installs them from Debian packages if missing, starts them if down, makes the local
# credentials (scripts/credentials.sh), and creates the roles, databases, virtual hosts and users
# with those passwords (scripts/provision/). Relies on no "trust" authentication and no "guest":
# PostgreSQL is set up through its local socket as the postgres OS user, as a fresh Debian server
# allows, and the services connect over TCP with passwords.
# Idempotent: run it as often as you like. Used by ./test.sh, ./run-local.sh and the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-5432}

log() { printf '[local-services] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql postgresql-client)
  command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

postgres_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

start_postgres() {
  if postgres_ready; then return; fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do postgres_ready && return; sleep 1; done
  log "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT"; exit 1
}

rabbit_ready() { as_root rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; }

start_rabbitmq() {
  if rabbit_ready; then return; fi
  log "starting RabbitMQ"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  # await_startup fails with "node not running" until the node has begun to boot: retry it.
  for _ in $(seq 1 60); do rabbit_ready && return; sleep 2; done
  log "RabbitMQ did not start"; exit 1
}

# Runs a provisioning script as root with the local credentials in its environment (read from the
# file, never passed on a command line).
provision() {
  as_root env MANIFEST="$PWD/integration-events.yaml" PGPORT="$PG_PORT" bash -c \
    'set -a; . .local/credentials.env; set +a; exec "$0"' "$1"
}

enable_management() {
  # The management API (and UI, http://localhost:15672, user admin): the fault suite reads queue
  # counters and deletes queues and exchanges through it.
  if ! as_root rabbitmq-plugins enable --quiet rabbitmq_management >/dev/null 2>&1; then
    log "cannot enable the rabbitmq_management plugin"; exit 1
  fi
  local password
  password=$(sed -n 's/^BROKER_ADMIN_PASSWORD=//p' .local/credentials.env)
  for _ in $(seq 1 30); do
    curl -sf -u "admin:$password" http://127.0.0.1:15672/api/overview >/dev/null && return
    sleep 1
  done
  log "the management API did not answer on 127.0.0.1:15672"; exit 1
}

install_missing
start_postgres
start_rabbitmq
scripts/credentials.sh
provision scripts/provision/postgres.sh
provision scripts/provision/rabbitmq.sh
enable_management
log "PostgreSQL on 127.0.0.1:$PG_PORT and RabbitMQ on 127.0.0.1:5672 are ready, with the roles and users of .local/credentials.env"
