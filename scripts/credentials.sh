#!/usr/bin/env bash
# Makes the local credentials, once: a password per database role and broker user, in
# .local/credentials.env, and the key pair that signs local bearer tokens, in .local/jwt/ (mode 600,
# never committed). Keeps what is already there and adds what is missing; scripts/local-services.sh
# then gives the passwords to PostgreSQL and RabbitMQ, run-local.sh and the tests read them, and
# scripts/token.sh signs tokens with the private key. Delete a file to have it made anew.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/provision/contexts.sh

FILE=.local/credentials.env
mkdir -p .local
[ -f "$FILE" ] || { ( umask 077 && printf '# Written by scripts/credentials.sh: local passwords, never committed.\n' >"$FILE" ); }
chmod 600 "$FILE"

password() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

ensure() {
  grep -q "^$1=" "$FILE" || printf '%s=%s\n' "$1" "$(password)" >>"$FILE"
}

for context in "${CONTEXTS[@]}"; do
  prefix=$(upper "$context")
  ensure "${prefix}_DB_OWNER_PASSWORD"
  ensure "${prefix}_DB_PASSWORD"
  ensure "${prefix}_BROKER_PASSWORD"
done
ensure BROKER_ADMIN_PASSWORD
# Only docker-compose.yml uses these: the postgres image's superuser, which provisions the roles,
# and Grafana's admin.
ensure POSTGRES_SUPERUSER_PASSWORD
ensure GRAFANA_ADMIN_PASSWORD

# The local identity provider's key pair: the services verify tokens with the public key.
if [ ! -f .local/jwt/private.pem ]; then
  mkdir -p .local/jwt
  ( umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out .local/jwt/private.pem 2>/dev/null )
  openssl pkey -in .local/jwt/private.pem -pubout -out .local/jwt/public.pem
fi
