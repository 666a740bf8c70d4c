-- The latest snapshot of a long stream (a best-seller's stock item): its state as of a version, so
-- that loading it reads the snapshot and the events after it instead of the whole history. Written
-- in the transaction of the append it follows; a snapshot of another type (its shape changed) is
-- ignored and the stream replayed from its start.
CREATE TABLE snapshots (
    stream_id     uuid PRIMARY KEY REFERENCES event_streams (stream_id),
    snapshot_type text        NOT NULL,
    version       bigint      NOT NULL,
    data          jsonb       NOT NULL,
    taken_at      timestamptz NOT NULL
);
