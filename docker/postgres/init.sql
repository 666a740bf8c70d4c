-- Run by the postgres image once, when it initialises an empty data directory
-- (docker-compose.yml mounts it into /docker-entrypoint-initdb.d/).
-- One database per service (docs/architecture.md)...
CREATE DATABASE catalog;
CREATE DATABASE orders;
CREATE DATABASE inventory;
-- ...and those of the tests (decision 0002), as scripts/local-services.sh creates them, so that
-- `docker compose up -d postgres rabbitmq` then `PG_PASSWORD=postgres ./mvnw -B verify -DskipFaults=true`
-- works (the fault suite stops and starts this host's own servers, and refuses any others).
CREATE DATABASE catalog_test;
CREATE DATABASE orders_test;
CREATE DATABASE inventory_test;
CREATE DATABASE infrastructure_test;
CREATE DATABASE catalog_e2e;
CREATE DATABASE orders_e2e;
CREATE DATABASE inventory_e2e;
