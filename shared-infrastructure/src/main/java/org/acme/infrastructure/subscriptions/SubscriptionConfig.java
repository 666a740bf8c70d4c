package org.acme.infrastructure.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service consumes its queue. */
@ConfigMapping(prefix = "integration-events.subscriptions")
public interface SubscriptionConfig {

    @WithDefault("true")
    boolean enabled();

    /** Unacknowledged messages the broker may send ahead; they are handled one at a time, in order. */
    @WithDefault("50")
    int prefetch();

    /** Tries within one delivery before the message goes back to the queue. */
    @WithDefault("3")
    int attempts();

    /** The pause before the first retry within a delivery; it doubles after each try. */
    @WithDefault("200ms")
    Duration retryDelay();

    /**
     * Deliveries of one message before it is dead-lettered: the queue's {@code x-delivery-limit}.
     * Changing it needs the queue to be recreated (or a policy), as queue arguments are fixed.
     */
    @WithDefault("5")
    int deliveryLimit();
}
