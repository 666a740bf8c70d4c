#!/usr/bin/env bash
# Prints a bearer token (a JWT signed with the local key pair scripts/credentials.sh made) for one
# role, so that curl can act as it against ./run-local.sh:
#
#   scripts/token.sh catalog-editor                 roles: catalog-editor, customer, warehouse-clerk,
#   scripts/token.sh customer alice                 administrator; the subject (default: the role's
#   TOKEN=$(scripts/token.sh customer)              name) becomes the actor of the domain events
#   curl -H "Authorization: Bearer $TOKEN" ...
#
# Environment: TOKEN_TTL, seconds it is valid (3600); JWT_ISSUER (integration-events-local).
# Local use only: in production an identity provider issues the tokens (docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
role=${1:-}
case $role in
  catalog-editor|customer|warehouse-clerk|administrator) ;;
  -h|--help) usage; exit 0 ;;
  *) usage >&2; echo "token: unknown role '$role'" >&2; exit 2 ;;
esac
subject=${2:-$role}
[[ $subject =~ ^[A-Za-z0-9._@:-]{1,100}$ ]] || { echo "token: the subject must be 1 to 100 of A-Za-z0-9._@:-" >&2; exit 2; }
key=.local/jwt/private.pem
[ -f "$key" ] || { echo "token: no $key: run scripts/credentials.sh (./run-local.sh does)" >&2; exit 1; }

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | base64url)
payload=$(printf '{"iss":"%s","sub":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "${JWT_ISSUER:-integration-events-local}" "$subject" "$role" "$now" "$((now + ${TOKEN_TTL:-3600}))" \
  "$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" | base64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | base64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
