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
     * Unacknowledged messages the broker may send (the connector's {@code max-outstanding-messages}),
     * which is also the most messages applied in one batch: those about one aggregate in order
     * (decision 0013), those about different aggregates together (decision 0019). Every message held goes back to the queue
     * with its delivery count raised when the process or its connection dies; as each one held is
     * being handled, not waiting, a message reaches the delivery limit only if its handling was cut
     * short that many times in a row.
     */
    @WithDefault("8")
    int prefetch();

    /**
     * Whether the messages whose turn has come while a transaction runs are applied together in the
     * next one (decision 0019), up to {@code prefetch} of them; off, each is applied in a transaction
     * of its own, side by side.
     */
    @WithDefault("true")
    boolean batches();

    /**
     * How long a batch may hold up the next one: a batch applies its messages one after the other,
     * and one that takes this long (a slow handler, a lock held elsewhere) lets the next start beside it.
     */
    @WithDefault("1s")
    Duration slowBatch();

    /** Tries of a message that fails for a reason not known to pass, before it is dead-lettered. */
    @WithDefault("3")
    int attempts();

    /** The pause before the first retry; it doubles after each try, up to 5 s. */
    @WithDefault("200ms")
    Duration retryDelay();

    /**
     * How long one try of a message may go without an outcome before it is given up and tried again
     * (decision 0013). A try takes milliseconds, waits for a lock {@code lock-timeout} at most, and for
     * a connection {@code connection-timeout-millis} at most: a try this old is one whose reactive chain
     * will not go on. Longer than the database's {@code idle-in-transaction-timeout}, so that its
     * transaction is already ended, and its locks released, when the next try starts.
     */
    @WithDefault("30s")
    Duration attemptPatience();

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
