package org.acme.infrastructure.eventstore;

import java.util.UUID;

/** Another command changed the stream between this one's read and its append (HTTP 409). */
public class ConcurrencyConflict extends RuntimeException {

    private final UUID streamId;
    private final long expectedVersion;

    public ConcurrencyConflict(UUID streamId, long expectedVersion) {
        super("stream " + streamId + " was changed concurrently: expected version " + expectedVersion
                + " is no longer current, retry with the latest state");
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
