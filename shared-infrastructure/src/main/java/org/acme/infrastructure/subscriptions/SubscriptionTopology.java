package org.acme.infrastructure.subscriptions;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final Dispatcher dispatcher;
    private final RabbitConnector rabbit;
    private final SubscriptionConfig config;
    private final HealthCenter health;
    private final String context;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "subscription-topology");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean declared;
    private volatile boolean consumerLost;
    private int unhealthyChecks;

    public SubscriptionTopology(Dispatcher dispatcher, RabbitConnector rabbit, SubscriptionConfig config,
                                HealthCenter health, @ConfigProperty(name = "integration-events.context") String context) {
        this.dispatcher = dispatcher;
        this.rabbit = rabbit;
        this.config = config;
        this.health = health;
        this.context = context;
    }

    /** Before the messaging channels start (they observe the same event later): bindings first. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.enabled() || dispatcher.subscribers().isEmpty()) {
            return;
        }
        declareAgain();
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
     * A channel that is down while the broker itself is away is the connector reconnecting, not a
     * loss: only a channel still down while this check reaches the broker, check after check, is.
     */
    private void check() {
        boolean queueLost = !queueExists();
        boolean brokerReachable = declareAgain();
        if (queueLost) {
            exit("its queue " + Topology.queueOf(context) + " was deleted (what it held is lost with it); the broker"
                    + " cancelled the consumer, which the connector cannot resume");
        } else if (brokerReachable && !health.getLiveness().isOk()) {
            if (++unhealthyChecks >= UNHEALTHY_CHECKS_BEFORE_EXIT) {
                exit("the incoming channel is down while the broker answers: " + health.getLiveness().getChannels());
            }
        } else {
            unhealthyChecks = 0;
        }
    }

    /** Declares the topology again; answers whether the broker could be reached. */
    private boolean declareAgain() {
        try (Connection connection = rabbit.connect(context + "-topology"); Channel channel = connection.createChannel()) {
            Topology.declareSubscriber(channel, context, config.deliveryLimit());
            for (Subscriber subscriber : dispatcher.subscribers()) {
                Topology.bind(channel, context, Dispatcher.publisherOf(subscriber), Contracts.of(subscriber.contract()).type());
            }
            declared = true;
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warnf("%s cannot declare its topology yet (the broker away?): %s", context, e.getMessage());
            return false;
        }
    }

    private boolean queueExists() {
        try (Connection connection = rabbit.connect(context + "-topology"); Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(Topology.queueOf(context));
            return true;
        } catch (IOException notFoundOrUnreachable) {
            // A closed channel (404) means deleted; a failed connection says nothing: assume it is there.
            return notFoundOrUnreachable.getCause() == null
                    || !String.valueOf(notFoundOrUnreachable.getCause().getMessage()).contains("NOT_FOUND");
        } catch (TimeoutException | RuntimeException unreachable) {
            return true;
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
