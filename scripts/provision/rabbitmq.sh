#!/usr/bin/env bash
# Creates in RabbitMQ, idempotently, the users the services connect as, with least privilege, in
# every virtual host (decision 0015):
#   - one user per context, named after it: it configures and writes only its own exchange and
#     queues, reads only its own queues and the exchanges of the contexts it subscribes to, and may
#     publish to its exchange only the routing keys of the contracts it owns (a topic permission);
#   - "admin", an administrator, for the management UI and for the tests that break things on purpose;
#   - no "guest": it is deleted.
# Run it where rabbitmqctl reaches the node (as root here; scripts/local-services.sh does). The
# passwords come from the environment (<CONTEXT>_BROKER_PASSWORD, BROKER_ADMIN_PASSWORD;
# scripts/credentials.sh makes them); MANIFEST names integration-events.yaml if not in the current
# directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/contexts.sh"

ctl() { rabbitmqctl -q "$@"; }

# user NAME PASSWORD [TAG]: the password goes through standard input, never the command line.
user() {
  local name=$1 password=$2 tags=${3-}
  if printf '%s\n' "$users" | grep -qx "$name"; then
    printf '%s' "$password" | ctl change_password "$name" >/dev/null
  else
    printf '%s' "$password" | ctl add_user "$name" >/dev/null
  fi
  ctl set_user_tags "$name" $tags >/dev/null
}

# JSON string of a shell string (the regexes hold backslashes).
json() { local text=${1//\\/\\\\}; printf '"%s"' "${text//\"/\\\"}"; }

users=$(ctl list_users | awk 'NR > 1 {print $1}')
user admin "${BROKER_ADMIN_PASSWORD:?BROKER_ADMIN_PASSWORD is not set: run scripts/credentials.sh}" administrator
for context in "${CONTEXTS[@]}"; do
  password=$(upper "$context")_BROKER_PASSWORD
  user "$context" "${!password:?$password is not set: run scripts/credentials.sh}"
done

# Virtual hosts and permissions in one import (each rabbitmqctl call starts an Erlang VM: a second).
vhosts='' permissions='' topics=''
for vhost in "${VIRTUAL_HOSTS[@]}"; do
  vhosts+="${vhosts:+,}{\"name\":$(json "$vhost")}"
  permissions+="${permissions:+,}{\"user\":\"admin\",\"vhost\":$(json "$vhost"),\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"
  for context in "${CONTEXTS[@]}"; do
    # Its exchange, the exchange and queue of what no one subscribes to, its queue, its DLQ and the
    # exchanges into them (to dead-letter a message, to move a dead letter back).
    own="${context}\\.(events|events\\.unroutable|integration-events|integration-events\\.(dlq|dlx|redrive))"
    publishes=$(manifest_of "$context" publishes)
    reads_from=$(manifest_of "$context" reads-from)
    permissions+=",{\"user\":$(json "$context"),\"vhost\":$(json "$vhost"),\"configure\":$(json "^$own\$"),"
    permissions+="\"write\":$(json "^$own\$"),\"read\":$(json "^($own${reads_from:+|($reads_from)\\.events})\$")}"
    topics+="${topics:+,}{\"user\":$(json "$context"),\"vhost\":$(json "$vhost"),\"exchange\":$(json "$context.events"),"
    topics+="\"write\":$(json "^($publishes)\\.v[0-9]+\$"),\"read\":\".*\"}"
  done
done
printf '{"vhosts":[%s],"permissions":[%s],"topic_permissions":[%s]}' "$vhosts" "$permissions" "$topics" \
  | ctl import_definitions --format json >/dev/null

if printf '%s\n' "$users" | grep -qx guest; then
  ctl delete_user guest >/dev/null
fi
