package org.acme.infrastructure.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay runs; the defaults suit production, tests shorten the intervals. */
@ConfigMapping(prefix = "integration-events.outbox")
public interface OutboxConfig {

    /** Off for a service instance that must only accept commands (its outbox waits for another). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows read, published and confirmed together: larger batches mean fewer round trips. */
    @WithDefault("500")
    int batchSize();

    /** The fallback when a NOTIFY is missed, and how often a standby instance asks to lead. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How long to wait for the broker to confirm a batch before treating it as not published. */
    @WithDefault("30s")
    Duration confirmTimeout();

    /**
     * How long the relay waits before publishing into its exchange after finding it deleted: long
     * enough for every subscriber to bind again (they check every 5 s by default).
     */
    @WithDefault("10s")
    Duration topologyGrace();

    /** How long published rows are kept for replay before they are purged (by {@code Retention}). */
    @WithDefault("168h")
    Duration retention();

}
