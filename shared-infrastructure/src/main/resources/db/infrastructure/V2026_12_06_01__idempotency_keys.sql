-- The first answer to each command sent with an Idempotency-Key (decision 0016): recorded in the
-- command's own transaction, so that the same key with the same request answers the same again and
-- has one effect, even when the two race. A key belongs to its caller (the token's subject). Kept for
-- integration-events.idempotency.retention (24 h), then purged.
CREATE TABLE idempotency_keys (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    request      text        NOT NULL,
    status       int,
    content_type text,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
