#!/usr/bin/env bash
# Makes sure PostgreSQL and RabbitMQ run on this host and hold what the services and their tests
# need: installs them from Debian packages if missing, starts them if down, creates the databases.
# Idempotent: run it as often as you like. Used by .ci/run and run-local.sh.
set -euo pipefail

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
DATABASES=(catalog orders inventory
           catalog_test orders_test inventory_test infrastructure_test
           catalog_e2e orders_e2e inventory_e2e)

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
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

postgres_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }

start_postgres() {
  if postgres_ready; then return; fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do postgres_ready && return; sleep 1; done
  log "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"; exit 1
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

create_databases() {
  for db in "${DATABASES[@]}"; do
    if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
      log "creating database $db"
      psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE \"$db\""
    fi
  done
}

create_vhosts() {
  # The component tests and the end-to-end tests each work in a virtual host of their own, apart
  # from a local run (in /): a running service never takes a test's messages.
  for vhost in "${TEST_RABBITMQ_VIRTUAL_HOST:-tests}" e2e; do
    if ! as_root rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
      log "creating RabbitMQ virtual host $vhost"
      as_root rabbitmqctl -q add_vhost "$vhost"
    fi
    as_root rabbitmqctl -q set_permissions -p "$vhost" "${RABBITMQ_USERNAME:-guest}" '.*' '.*' '.*'
  done
}

enable_management() {
  # The management API (and UI, http://localhost:15672): the fault suite reads queue counters and
  # deletes queues and exchanges through it.
  if ! as_root rabbitmq-plugins enable --quiet rabbitmq_management >/dev/null 2>&1; then
    log "cannot enable the rabbitmq_management plugin"; exit 1
  fi
  for _ in $(seq 1 30); do
    curl -sf -u "${RABBITMQ_USERNAME:-guest}:${RABBITMQ_PASSWORD:-guest}" http://127.0.0.1:15672/api/overview >/dev/null && return
    sleep 1
  done
  log "the management API did not answer on 127.0.0.1:15672"; exit 1
}

install_missing
start_postgres
start_rabbitmq
create_databases
create_vhosts
enable_management
log "PostgreSQL on $PG_HOST:$PG_PORT and RabbitMQ on ${RABBITMQ_HOST:-127.0.0.1}:${RABBITMQ_PORT:-5672} are ready"
