package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.operations.IntegrationEventMetrics;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Contracts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Declares what a subscribing service consumes from — its quorum queue, the DLQ and every binding
 * to the publishers' exchanges — before the connector starts consuming, and again every
 * {@code topology-check-interval}: bindings a deleted exchange took along, a deleted DLQ, come back.
 *
 * <p>It also watches over the connector, which cannot resume a consumer the broker cancelled (its
 * queue was deleted) nor a stream that failed: both stop consumption for good while the connection
 * stays up. When that happens the service declares its topology again and exits with
 * {@link #CONSUMER_LOST}, for its supervisor (Compose, Kubernetes, run-local.sh) to start it again:
 * a silent stop would be worse (decision 0008).
 */
@ApplicationScoped
public class SubscriptionTopology {

    /** The exit code of a service whose consumer cannot be resumed in-process. */
    public static final int CONSUMER_LOST = 75;

    private static final Logger LOG = Logger.getLogger(SubscriptionTopology.class);
    /** Checks in a row with the broker reachable but the channel down before the service gives up on it. */
    private static final int UNHEALTHY_CHECKS_BEFORE_EXIT = 6;
    /** How long after finding its queue deleted the service waits before it declares it again (decision 0023). */
    private static final Duration QUIET_BEFORE_DECLARING_AGAIN = Duration.ofSeconds(2);
    /** Checks in a row finding the queue without any consumer (the connector reconnects within 1 s). */
    private static final int CHECKS_WITHOUT_CONSUMER_BEFORE_EXIT = 3;

    private final Dispatcher dispatcher;
    private final RabbitConnector rabbit;
    private final SubscriptionConfig config;
    private final HealthCenter health;
    private final IntegrationEventMetrics metrics;
    private final String context;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "subscription-topology");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean declared;
    private volatile Set<String> exchangesNotDeclaredYet = Set.of();
    private volatile boolean consumerLost;
    private int unhealthyChecks;
    private int checksWithoutConsumer;

    public SubscriptionTopology(Dispatcher dispatcher, RabbitConnector rabbit, SubscriptionConfig config,
                                HealthCenter health, IntegrationEventMetrics metrics,
                                @ConfigProperty(name = "integration-events.context") String context) {
        this.dispatcher = dispatcher;
        this.rabbit = rabbit;
        this.config = config;
        this.health = health;
        this.metrics = metrics;
        this.context = context;
    }

    /** Before the messaging channels start (they observe the same event later): bindings first. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.enabled() || dispatcher.subscribers().isEmpty()) {
            return;
        }
        declareAgainAndLook();
        long interval = config.topologyCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** Whether the queue, its DLQ and bindings have been declared since the service started. */
    public boolean declared() {
        return declared;
    }

    /** Whether the connector's consumer was lost for good (the service exits, unless told not to). */
    public boolean consumerLost() {
        return consumerLost;
    }

    /**
     * A channel that is down, or a queue without a consumer, while the broker itself is away is the
     * connector reconnecting, not a loss: only one that lasts while this check reaches the broker,
     * check after check, is. The connector subscribes again about a second after the broker cancelled
     * its consumer, and gives up if the queue is not there by then: a queue this check finds gone
     * (and declares again) is a lost consumer; one deleted and declared again by someone else between
     * two checks shows up as a queue nobody consumes — unless someone declared it again within moments
     * of its deletion (no instance of a service does: see {@link #declare}), when RabbitMQ may still
     * count the stranded consumer on it, which this check cannot tell from a live one (decision 0023).
     * Package-private for the tests, which cannot wait for the timer's turn.
     */
    void check() {
        QueueState queue = declareAgainAndLook();
        checksWithoutConsumer = queue == QueueState.WITHOUT_CONSUMER ? checksWithoutConsumer + 1 : 0;
        String trouble = switch (queue) {
            case UNREACHABLE, CONSUMED -> null;
            case DELETED -> "its queue " + Topology.queueOf(context) + " was deleted (what it held is lost with it);"
                    + " the broker cancelled the consumer, which the connector cannot resume";
            case WITHOUT_CONSUMER -> checksWithoutConsumer >= CHECKS_WITHOUT_CONSUMER_BEFORE_EXIT
                    ? "the broker shows no consumer on " + Topology.queueOf(context) + " " + checksWithoutConsumer
                            + " checks in a row while it answers"
                    : null;
        };
        if (trouble == null && queue != QueueState.UNREACHABLE && !health.getLiveness().isOk()) {
            if (++unhealthyChecks >= UNHEALTHY_CHECKS_BEFORE_EXIT) {
                trouble = "the incoming channel is down while the broker answers: " + health.getLiveness().getChannels();
            }
        } else {
            unhealthyChecks = 0;
        }
        if (trouble != null) {
            exit(trouble);
        }
    }

    /** What a check finds of the service's queue. */
    private enum QueueState { UNREACHABLE, DELETED, WITHOUT_CONSUMER, CONSUMED }

    /** Looks whether the queue is still there, declares the topology again, then counts its consumers. */
    private QueueState declareAgainAndLook() {
        try (Connection connection = rabbit.connect(context + "-topology")) {
            boolean deleted = !queueExists(connection);
            declare(connection, deleted);
            try (Channel channel = connection.createChannel()) {
                AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive(Topology.queueOf(context));
                int consumers = queue.getConsumerCount();
                metrics.queueDepth(Topology.queueOf(context), queue.getMessageCount());
                metrics.queueDepth(Topology.deadLetterQueueOf(context),
                        channel.queueDeclarePassive(Topology.deadLetterQueueOf(context)).getMessageCount());
                return deleted ? QueueState.DELETED : consumers == 0 ? QueueState.WITHOUT_CONSUMER : QueueState.CONSUMED;
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warnf("%s cannot declare its topology yet (the broker away?): %s", context, e.getMessage());
            return QueueState.UNREACHABLE;
        }
    }

    /**
     * The DLQ, the queue if it is missing, then a binding per subscribed type. A publisher's exchange
     * is declared by that publisher alone (decision 0015): one not there yet (a first deployment, the
     * publisher not started) refuses its bindings until a later check, while the queue is consumed
     * meanwhile.
     *
     * <p>A queue that exists is never declared again, and one found gone, once this service had
     * declared it, only after a pause: declared again within moments of its deletion, a quorum queue can
     * keep the deleted one's consumers (this service's, another instance's) registered, uncancelled,
     * and hand them messages they never deliver (decision 0023). The pause lets the broker cancel them.
     */
    private void declare(Connection connection, boolean queueMissing) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            Topology.declareDeadLetterQueue(channel, context);
            if (queueMissing) {
                if (declared) {
                    pause(QUIET_BEFORE_DECLARING_AGAIN);
                }
                Topology.declareSubscriberQueue(channel, context, config.deliveryLimit());
            } else {
                Topology.declareRedrive(channel, context);
            }
        }
        Set<String> missing = new TreeSet<>();
        Channel channel = connection.createChannel();
        try {
            for (Subscriber subscriber : dispatcher.subscribers()) {
                String publisher = Dispatcher.publisherOf(subscriber);
                try {
                    Topology.bind(channel, context, publisher, Contracts.of(subscriber.contract()).type());
                } catch (IOException refused) {
                    if (!String.valueOf(refused.getCause()).contains("NOT_FOUND")) {
                        throw refused;
                    }
                    missing.add(Topology.exchangeOf(publisher));
                    channel = connection.createChannel(); // the broker closed the one that was refused
                }
            }
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
        if (!missing.isEmpty() && !missing.equals(exchangesNotDeclaredYet)) {
            LOG.warnf("%s binds to %s once their publishers have declared them", context, missing);
        }
        exchangesNotDeclaredYet = missing;
        declared = true;
    }

    /** The publishers' exchanges this subscription could not bind to yet: not declared by their publisher. */
    public Set<String> exchangesNotDeclaredYet() {
        return exchangesNotDeclaredYet;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A passive declaration answered 404 closes its channel: it gets one of its own. */
    private boolean queueExists(Connection connection) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(Topology.queueOf(context));
            return true;
        } catch (IOException notFound) {
            if (notFound.getCause() != null && String.valueOf(notFound.getCause().getMessage()).contains("NOT_FOUND")) {
                return false;
            }
            throw notFound;
        }
    }

    private void exit(String why) {
        consumerLost = true;
        if (!config.exitWhenConsumerLost()) {
            LOG.errorf("%s stopped consuming: %s. Its topology is declared again; nothing restarts it here.", context, why);
            return;
        }
        LOG.errorf("%s stops consuming: %s. Its topology is declared again; exiting with %d for the supervisor to"
                + " start it again.", context, why, CONSUMER_LOST);
        timer.shutdown();
        Quarkus.asyncExit(CONSUMER_LOST);
    }
}
