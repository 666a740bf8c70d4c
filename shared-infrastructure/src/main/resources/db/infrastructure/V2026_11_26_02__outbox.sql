-- The outbox: integration events written in the transaction of their command, published by the
-- relay in position order and marked once the broker confirmed them.
CREATE TABLE outbox (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id     uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    routing_key    text        NOT NULL,
    aggregate_id   text,
    correlation_id text,
    causation_id   text,
    occurred_at    timestamptz NOT NULL,
    envelope       json        NOT NULL,
    published_at   timestamptz
);

-- What the relay reads: small, because published rows leave it.
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;
-- What the purge reads.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay when a transaction that wrote to the outbox commits (NOTIFY is delivered at
-- commit, once per transaction and channel).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
