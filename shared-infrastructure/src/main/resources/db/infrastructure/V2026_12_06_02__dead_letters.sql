-- The dead letters an operator lists, shows, redrives and discards (decision 0017). The DLQ is where
-- they arrive (from this service, or from the broker at the delivery limit); each is kept here, with
-- everything it needs to be sent again, and the DLQ acknowledged. A dead letter is waiting until it is
-- redriven (sent back to the queue) or discarded (with a reason, by someone).
CREATE TABLE dead_letters (
    id               uuid        PRIMARY KEY,
    message_id       text        NOT NULL,
    event_type       text,
    aggregate_type   text,
    aggregate_id     text,
    correlation_id   text,
    reason           text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL,
    tries            int         NOT NULL,
    routing_key      text        NOT NULL,
    user_id          text,
    headers          jsonb       NOT NULL,
    body             bytea       NOT NULL,
    state            text        NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'redriven', 'discarded')),
    settled_at       timestamptz,
    settled_by       text,
    discard_reason   text,
    -- The DLQ delivers again what was not acknowledged: the same dead letter is kept once.
    UNIQUE (message_id, dead_lettered_at)
);
CREATE INDEX dead_letters_waiting ON dead_letters (dead_lettered_at) WHERE state = 'waiting';
