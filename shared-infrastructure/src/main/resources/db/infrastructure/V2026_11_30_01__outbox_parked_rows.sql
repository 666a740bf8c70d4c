-- A row no broker can take (a field AMQP cannot carry) is parked with its reason instead of being
-- sent again and again: it stops nothing, stays in the outbox, and the health check reports it.
ALTER TABLE outbox ADD COLUMN parked_reason text;

DROP INDEX outbox_unpublished;
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL AND parked_reason IS NULL;
