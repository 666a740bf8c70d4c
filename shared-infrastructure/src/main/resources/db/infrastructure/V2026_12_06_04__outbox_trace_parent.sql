-- The trace of the command that wrote the row (W3C traceparent), continued by the relay's publish
-- and the subscribers' handling (decision 0017). Null when tracing is off.
ALTER TABLE outbox ADD COLUMN trace_parent text;
