#!/usr/bin/env bash
# Runs the whole system on this host, without Docker: PostgreSQL and RabbitMQ from
# scripts/local-services.sh, then catalog (8081), orders (8082) and inventory (8083) as plain
# `java -jar` processes. Stays in the foreground; Ctrl-C stops the three services.
#
#   ./run-local.sh                 build the jars, start everything, wait until ready
#   ./run-local.sh --no-build      use the jars already in <service>/target/quarkus-app/
#   ./run-local.sh --no-build catalog-service   start only the services named
#
# Environment:
#   CATALOG_PORT, ORDERS_PORT, INVENTORY_PORT   the APIs' ports (8081, 8082, 8083)
#   CATALOG_MANAGEMENT_PORT, ...                health, metrics, OpenAPI (9081, 9082, 9083)
#   READY_TIMEOUT                               seconds to wait for each /q/health/ready (90)
#   JAVA_OPTS                                   extra JVM options for the three services
#   PG_HOST, PG_PORT, RABBITMQ_HOST, RABBITMQ_PORT, CATALOG_DB, ...   passed through to the services
# Each service connects as its own database roles and broker user, with the passwords of
# .local/credentials.env (scripts/local-services.sh makes them).
# Logs: .run-local/<service>.log (overwritten at each start).
set -euo pipefail

cd "$(dirname "$0")"
# A JDK 25 for the build and the services (decision 0028).
. scripts/jdk.sh

ALL_SERVICES=(catalog-service orders-service inventory-service)
CATALOG_PORT=${CATALOG_PORT:-8081}
ORDERS_PORT=${ORDERS_PORT:-8082}
INVENTORY_PORT=${INVENTORY_PORT:-8083}
CATALOG_MANAGEMENT_PORT=${CATALOG_MANAGEMENT_PORT:-9081}
ORDERS_MANAGEMENT_PORT=${ORDERS_MANAGEMENT_PORT:-9082}
INVENTORY_MANAGEMENT_PORT=${INVENTORY_MANAGEMENT_PORT:-9083}
READY_TIMEOUT=${READY_TIMEOUT:-90}
RUN_DIR=.run-local

log() { printf '[run-local] %s\n' "$*"; }
die() { printf '[run-local] ERROR: %s\n' "$*" >&2; exit 1; }

usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }

build=1
services=()
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    -h|--help) usage; exit 0 ;;
    catalog-service|orders-service|inventory-service) services+=("$arg") ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=("${ALL_SERVICES[@]}")
[[ $READY_TIMEOUT =~ ^[0-9]+$ ]] || die "READY_TIMEOUT must be a number of seconds, not '$READY_TIMEOUT'"
command -v curl >/dev/null 2>&1 || die "curl is needed"

port_of() {
  case $1 in
    catalog-service) echo "$CATALOG_PORT" ;;
    orders-service) echo "$ORDERS_PORT" ;;
    inventory-service) echo "$INVENTORY_PORT" ;;
  esac
}

management_port_of() {
  case $1 in
    catalog-service) echo "$CATALOG_MANAGEMENT_PORT" ;;
    orders-service) echo "$ORDERS_MANAGEMENT_PORT" ;;
    inventory-service) echo "$INVENTORY_MANAGEMENT_PORT" ;;
  esac
}

jar_of() { echo "$1/target/quarkus-app/quarkus-run.jar"; }

# True when something already accepts connections on the port (or `ss` shows a listener on it).
port_taken() {
  local port=$1
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -ltn "sport = :$port" 2>/dev/null | tail -n +2)" ]; then
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

check_ports() {
  local svc port variable seen=" "
  for svc in "${services[@]}" "${services[@]/%/:management}"; do
    variable=$(echo "${svc%-service*}" | tr '[:lower:]' '[:upper:]')
    case $svc in
      *:management) svc=${svc%:management}; port=$(management_port_of "$svc"); variable+=_MANAGEMENT_PORT ;;
      *) port=$(port_of "$svc"); variable+=_PORT ;;
    esac
    if ! [[ $port =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
      die "invalid port '$port' for $svc"
    fi
    case $seen in *" $port "*) die "port $port is given to two services" ;; esac
    seen="$seen$port "
    if port_taken "$port"; then
      die "port $port ($svc) is already in use. Stop whatever listens there (ss -ltnp 'sport = :$port')" \
          "or choose another port, e.g. $variable=$((port + 100)) $0"
    fi
  done
}

# --- stop what we started, whatever way the script ends ----------------------------------------
declare -A pids=()

stop_services() {
  local svc pid
  # Finish the job whatever happens now: a second Ctrl-C is ignored, and so is a closed output
  # (after Ctrl-C on `./run-local.sh | tee ...`, tee is gone and writing would kill this script).
  trap - EXIT
  trap '' INT TERM HUP PIPE
  set +e
  [ ${#pids[@]} -gt 0 ] || return 0
  log "stopping ${!pids[*]}"
  for svc in "${!pids[@]}"; do
    kill -TERM "${pids[$svc]}" 2>/dev/null || true
  done
  # Quarkus shuts down gracefully on SIGTERM; give it 30 s (a JVM writing its AOT cache takes a few
  # more seconds to exit)
  for _ in $(seq 1 60); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 1 ] || break
    sleep 0.5
  done
  for svc in "${!pids[@]}"; do
    if kill -0 "${pids[$svc]}" 2>/dev/null; then
      log "$svc did not stop in time: killing it"
      kill -KILL "${pids[$svc]}" 2>/dev/null || true
    fi
    wait "${pids[$svc]}" 2>/dev/null || true
  done
  pids=()
  log "stopped"
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A sleep that a signal interrupts at once: bash runs a trap only after a foreground command ends,
# but interrupts `wait` (so `kill -INT <this script>` stops everything without delay).
pause() { sleep "$1" & wait $! || true; }

fail_with_log() {
  local svc=$1 message=$2
  printf '[run-local] ERROR: %s\n' "$message" >&2
  printf '[run-local] last lines of %s:\n' "$RUN_DIR/$svc.log" >&2
  tail -n 40 "$RUN_DIR/$svc.log" >&2 || true
  exit 1
}

# --- 1. free ports, local PostgreSQL and RabbitMQ, jars ------------------------------------------
check_ports

scripts/local-services.sh

if [ $build -eq 1 ]; then
  if [ ${#services[@]} -eq ${#ALL_SERVICES[@]} ]; then
    log "building: ./mvnw -B -q package -DskipTests"
    ./mvnw -B -q package -DskipTests
  else
    modules=$(IFS=,; echo "${services[*]}")
    log "building: ./mvnw -B -q package -DskipTests -pl $modules -am"
    ./mvnw -B -q package -DskipTests -pl "$modules" -am
  fi
fi

missing=()
for svc in "${services[@]}"; do
  [ -f "$(jar_of "$svc")" ] || missing+=("$(jar_of "$svc")")
done
if [ ${#missing[@]} -gt 0 ]; then
  die "missing ${missing[*]}; build with ./mvnw -B -q package -DskipTests (or run without --no-build)"
fi

# --- 2. start ------------------------------------------------------------------------------------
read -r -a java_opts <<<"${JAVA_OPTS:-}"
mkdir -p "$RUN_DIR"
check_ports   # again: the build may have taken minutes
start_service() {
  local svc=$1 port
  port=$(port_of "$svc")
  log "starting $svc on port $port (log: $RUN_DIR/$svc.log)"
  # jvm.options: how every service's JVM runs; then its class-data archive (start-up), from the
  # application's directory (the archive holds the class path it was recorded with).
  local archive root=$PWD context=${svc%-service}
  archive=$(class_archive_option "$svc")
  (cd "$svc/target/quarkus-app" && credentials_of "$context" && QUARKUS_HTTP_PORT=$port \
    QUARKUS_MANAGEMENT_PORT=$(management_port_of "$svc") JWT_PUBLIC_KEY_LOCATION="$root/.local/jwt/public.pem" exec java @"$root/jvm.options" \
    "$archive" "${java_opts[@]}" -jar quarkus-run.jar) >>"$RUN_DIR/$svc.log" 2>&1 &
  pids[$svc]=$!
}
# class_archive_option SERVICE: the service's AOT cache for this JVM (decisions 0022 and 0028), read
# when this JVM recorded it from this build; otherwise this start records it, and the JVM writes it
# when the service stops (Ctrl-C): the next start reads it.
class_archive_option() {
  local dir=$1/target/quarkus-app name
  name=class-archive-$(basename "$JAVA_HOME").aot
  if [ "$dir/$name" -nt "$dir/quarkus-run.jar" ]; then
    echo "-XX:AOTCache=$name"
    return
  fi
  log "$1 records its AOT cache during this run (written when it stops; the next start reads it)" >&2
  rm -f "$dir/$name"
  echo "-XX:AOTCacheOutput=$name"
}
# credentials_of CONTEXT: exports what the service connects as (in the subshell that starts it).
credentials_of() {
  local prefix
  prefix=$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')
  set -a
  # shellcheck disable=SC1091
  . "$root/.local/credentials.env"
  set +a
  export PG_USER="$1_app" PG_OWNER_USER="$1_owner" RABBITMQ_USERNAME="$1"
  eval "export PG_PASSWORD=\$${prefix}_DB_PASSWORD PG_OWNER_PASSWORD=\$${prefix}_DB_OWNER_PASSWORD RABBITMQ_PASSWORD=\$${prefix}_BROKER_PASSWORD"
}
for svc in "${services[@]}"; do
  : >"$RUN_DIR/$svc.log"
  start_service "$svc"
done

# --- 3. wait until each is ready (all started together: one deadline) ---------------------------
deadline=$((SECONDS + READY_TIMEOUT))
for svc in "${services[@]}"; do
  url="http://127.0.0.1:$(management_port_of "$svc")/q/health/ready"
  while :; do
    kill -0 "${pids[$svc]}" 2>/dev/null || fail_with_log "$svc" "$svc exited during start-up"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [ "$code" = 200 ] && break
    [ $SECONDS -lt $deadline ] \
      || fail_with_log "$svc" "$svc not ready after ${READY_TIMEOUT}s ($url: $( [ "${code:-000}" = 000 ] && echo 'no answer' || echo "HTTP $code"))"
    pause 1
  done
  log "$svc is ready"
done

# Ready means the database answers. Events flow once each relay publishes and each subscription
# consumes (its queue then exists and is bound): the "messaging" health group. Commands are
# accepted either way (the outbox keeps their events), so a late broker is a warning, not a failure.
for svc in "${services[@]}"; do
  url="http://127.0.0.1:$(management_port_of "$svc")/q/health/group/messaging"
  deadline=$((SECONDS + 30))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then
      log "WARNING: $svc does not publish or consume events yet: $(curl -s --max-time 2 "$url" | tr -d '\n ' || true)"
      break
    fi
    pause 1
  done
done

# --- 4. tell where things are, then stay until Ctrl-C --------------------------------------------
echo
for svc in "${services[@]}"; do
  port=$(port_of "$svc")
  printf '  %-18s API http://localhost:%s   health, metrics, OpenAPI: http://localhost:%s/q/health, /q/metrics, /q/openapi\n' \
    "$svc" "$port" "$(management_port_of "$svc")"
done
printf '  %-18s http://localhost:15672 (user admin, password BROKER_ADMIN_PASSWORD in .local/credentials.env)\n' "RabbitMQ UI"
printf '  %-18s %s\n' "logs" "$RUN_DIR/<service>.log"
echo
printf '  %-18s scripts/token.sh <catalog-editor|customer|warehouse-clerk> [subject]\n' "bearer tokens"
if [ ${#services[@]} -eq ${#ALL_SERVICES[@]} ]; then
  log "try the walk-through: scripts/demo.sh"
fi
log "running; press Ctrl-C to stop"

# A supervisor, as in production: a service that lost its queue's consumer for good exits with 75
# and asks to be started again (decision 0008); any other exit stops the run.
while :; do
  pause 1
  for svc in "${services[@]}"; do
    kill -0 "${pids[$svc]}" 2>/dev/null && continue
    status=0
    wait "${pids[$svc]}" 2>/dev/null || status=$?
    if [ "$status" -eq 75 ]; then
      log "$svc asked to be started again (exit 75)"
      start_service "$svc"
    else
      fail_with_log "$svc" "$svc stopped unexpectedly (exit $status)"
    fi
  done
done
