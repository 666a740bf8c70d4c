package org.acme.infrastructure.eventstore;

import java.util.UUID;

/** The client's {@code If-Match} names a version that is no longer current (HTTP 412). */
public class StaleVersion extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersion(UUID streamId, long expectedVersion, long currentVersion) {
        super("version " + expectedVersion + " of " + streamId + " is stale: the current version is " + currentVersion);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** Checks a client's If-Match (null: any version) against the version an aggregate was loaded at. */
    public static void check(UUID streamId, Long expectedVersion, long currentVersion) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw new StaleVersion(streamId, expectedVersion, currentVersion);
        }
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
