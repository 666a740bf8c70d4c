package org.acme.infrastructure.outbox;

import java.time.Duration;

/** Relay settings for tests: short intervals, chosen per test. */
record RelaySettings(int batchSize, Duration pollInterval, Duration retention)
        implements OutboxConfig {

    static RelaySettings quick() {
        return new RelaySettings(100, Duration.ofMillis(200), Duration.ofDays(7));
    }

    @Override
    public boolean relayEnabled() {
        return true;
    }

    @Override
    public Duration confirmTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration topologyGrace() {
        return Duration.ofSeconds(1);
    }
}
