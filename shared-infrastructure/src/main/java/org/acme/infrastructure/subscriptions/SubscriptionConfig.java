package org.acme.infrastructure.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service consumes its queue. */
@ConfigMapping(prefix = "integration-events.subscriptions")
public interface SubscriptionConfig {

    @WithDefault("true")
    boolean enabled();

    /**
     * Unacknowledged messages the broker may send (the connector's {@code max-outstanding-messages}).
     * Messages are handled one at a time anyway. With 2, the next message is already here when the
     * current one is acknowledged, instead of one broker round trip later: a subscriber handles about
     * twice as many messages per second (decision 0011). Every message held goes back to the queue
     * with its delivery count raised when the process or its connection dies, so the prefetch must
     * stay below the delivery limit: then a message is dead-lettered by the broker only if it was
     * held through that many deaths without the queue moving on.
     */
    @WithDefault("2")
    int prefetch();

    /** Tries of a message that fails for a reason not known to pass, before it is dead-lettered. */
    @WithDefault("3")
    int attempts();

    /** The pause before the first retry; it doubles after each try, up to 5 s. */
    @WithDefault("200ms")
    Duration retryDelay();

    /**
     * Deliveries of one message before the broker dead-letters it: the queue's {@code
     * x-delivery-limit}. Failures are retried in place, so only a message whose handling kills the
     * process (or the connection) again and again reaches it. Changing it needs the queue to be
     * recreated (or a policy), as queue arguments are fixed.
     */
    @WithDefault("5")
    int deliveryLimit();

    /** How often the queue, its DLQ and bindings are declared again, to restore what someone deleted. */
    @WithDefault("5s")
    Duration topologyCheckInterval();

    /**
     * Whether the service exits (for its supervisor to start it again) when the connector's consumer
     * is lost for good; off only where nothing would start it again, as in a test JVM.
     */
    @WithDefault("true")
    boolean exitWhenConsumerLost();
}
