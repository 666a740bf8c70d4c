#!/usr/bin/env bash
# Creates in PostgreSQL, idempotently, what the services need: per context an owner role (it owns
# the databases and runs the migrations) and an application role (what the service connects as at
# run time: data only, no DDL), the context's databases, reachable by those two roles alone, and
# the privileges of the application role on every table the owner creates (decision 0015).
#
# Run it as root on the database's host (psql then runs as the postgres OS user, through the local
# socket: peer authentication on a Debian server), or as a superuser with the PG* variables set:
# scripts/local-services.sh does the first, the tests' containers the second. The passwords come from the
# environment (<CONTEXT>_DB_PASSWORD, <CONTEXT>_DB_OWNER_PASSWORD; scripts/credentials.sh makes them).
# A database an earlier set-up made (owned by another role) is adopted: its objects change owner.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/contexts.sh"

# As root on a Debian server, psql runs as the postgres OS user, through the socket (peer
# authentication); otherwise as whoever runs this, with the PG* variables (a container's superuser).
superuser_psql() {
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql "$@"
  else
    psql "$@"
  fi
}

# sql DATABASE [NAME=VALUE...] < script: the values become psql variables through standard input,
# so that no password shows on a command line.
sql() {
  local database=$1 assignment
  shift
  { printf 'SET client_min_messages = warning;\n'  # no NOTICE for what an earlier run already made
    for assignment in "$@"; do printf "\\set %s '%s'\n" "${assignment%%=*}" "${assignment#*=}"; done; cat; } \
    | superuser_psql -X -q -v ON_ERROR_STOP=1 -d "$database"
}

# role NAME PASSWORD: a login role that can do nothing beyond what is granted to it.
role() {
  sql postgres name="$1" password="$2" <<'SQL'
SELECT format('CREATE ROLE %I', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'name', :'password') \gexec
SQL
}

# database NAME OWNER APP: owned by OWNER, reachable by OWNER and APP only; APP reads and writes
# the rows of whatever OWNER creates in it, and nothing else.
database() {
  sql postgres db="$1" owner="$2" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
  sql "$1" db="$1" owner="$2" app="$3" <<'SQL'
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'app') \gexec
SELECT format('ALTER SCHEMA public OWNER TO %I', :'owner') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app') \gexec
-- Adopt what an earlier set-up created as another role (tables first: their sequences follow them).
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'owner')
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
   AND pg_get_userbyid(c.relowner) <> :'owner' \gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'owner')
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
   AND pg_get_userbyid(c.relowner) <> :'owner' \gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, :'owner')
  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> :'owner' \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', :'app') \gexec
SELECT format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', :'owner', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE, SELECT ON SEQUENCES TO %I', :'owner', :'app') \gexec
SQL
}

for context in "${CONTEXTS[@]}"; do
  prefix=$(upper "$context")
  owner_password=${prefix}_DB_OWNER_PASSWORD app_password=${prefix}_DB_PASSWORD
  role "${context}_owner" "${!owner_password:?$owner_password is not set: run scripts/credentials.sh}"
  role "${context}_app" "${!app_password:?$app_password is not set: run scripts/credentials.sh}"
  # The owner may end the application role's sessions (pg_terminate_backend), as an operator would.
  sql postgres owner="${context}_owner" app="${context}_app" <<'SQL'
SELECT format('GRANT %I TO %I', :'app', :'owner') \gexec
SQL
  for db in $(databases_of "$context"); do
    database "$db" "${context}_owner" "${context}_app"
  done
done
