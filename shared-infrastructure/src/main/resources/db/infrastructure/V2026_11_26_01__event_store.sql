-- The event store: one row per stream with its current version (the optimistic concurrency check
-- is a conditional update of it), and one row per domain event.
CREATE TABLE event_streams (
    stream_id   uuid PRIMARY KEY,
    stream_type text   NOT NULL,
    version     bigint NOT NULL CHECK (version > 0)
);

CREATE TABLE events (
    position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    stream_id   uuid        NOT NULL REFERENCES event_streams (stream_id),
    version     bigint      NOT NULL,
    event_type  text        NOT NULL,
    data        jsonb       NOT NULL,
    metadata    jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (stream_id, version)
);
