package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.rabbitmq.Backoff;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Contracts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes this service's queue, one message at a time and in queue order, and acknowledges a
 * message only once its outcome is durable: applied and committed, recognised as a duplicate, or
 * dead-lettered with its reason. A failure that passes by itself (the database away) is retried in
 * place for as long as it lasts; any other is retried a few times, then dead-lettered. Nothing is
 * put back in the queue, where later messages would overtake it. The queue's delivery limit only
 * stops a message that keeps killing the process.
 */
@ApplicationScoped
public class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class);

    /** What the subscription is doing, for health checks and tests. */
    public enum State { STOPPED, CONNECTING, CONSUMING, RETRYING, BROKER_UNAVAILABLE }

    private final Dispatcher dispatcher;
    private final RabbitConnector rabbit;
    private final SubscriptionConfig config;
    private final String context;

    private volatile boolean running;
    private volatile State state = State.STOPPED;
    private volatile Thread worker;
    private volatile Connection connection;

    public Subscription(Dispatcher dispatcher, RabbitConnector rabbit, SubscriptionConfig config,
                        @ConfigProperty(name = "integration-events.context") String context) {
        this.dispatcher = dispatcher;
        this.rabbit = rabbit;
        this.config = config;
        this.context = context;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && !dispatcher.subscribers().isEmpty()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, context + "-subscription");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        running = false;
        RabbitConnector.closeQuietly(connection);
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        state = State.STOPPED;
    }

    public State state() {
        return state;
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        while (running) {
            state = State.CONNECTING;
            try (DeadLetters deadLetters = new DeadLetters(rabbit, context, config.deliveryLimit())) {
                consumeUntilDisconnected(deadLetters);
                backoff.reset();
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (running) {
                    state = State.BROKER_UNAVAILABLE;
                    LOG.warnf("%s cannot consume %s, retrying: %s", context, Topology.queueOf(context), e.getMessage());
                }
            }
            RabbitConnector.closeQuietly(connection);
            if (running) {
                backoff.pause();
            }
        }
    }

    /**
     * Consumes until the connection, the channel or the consumer ends (the broker cancels a
     * consumer whose queue was deleted): any of them ends this, and the caller connects again and
     * declares the topology again. Meanwhile the topology is asserted every
     * {@code topology-check-interval}, so that bindings lost with a deleted exchange come back.
     */
    private void consumeUntilDisconnected(DeadLetters deadLetters) throws IOException, TimeoutException {
        connection = rabbit.connect(context + "-subscription");
        CountDownLatch ended = new CountDownLatch(1);
        connection.addShutdownListener(cause -> ended.countDown());
        Channel channel = connection.createChannel();
        channel.addShutdownListener(cause -> ended.countDown());
        declareTopology(channel);
        channel.basicQos(config.prefetch());
        channel.basicConsume(Topology.queueOf(context), false, context + "-subscriber",
                new Deliveries(channel, deadLetters, ended));
        state = State.CONSUMING;
        LOG.infof("%s consumes %s", context, Topology.queueOf(context));
        try {
            while (!ended.await(config.topologyCheckInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                assertTopology();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Declares the queue, its DLQ and bindings again on a channel of its own: a no-op unless something was lost. */
    private void assertTopology() {
        try (Channel check = connection.createChannel()) {
            declareTopology(check);
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.errorf("%s cannot declare its topology again, reconnecting: %s", context, e.getMessage());
            RabbitConnector.closeQuietly(connection);
        }
    }

    private void declareTopology(Channel channel) throws IOException {
        Topology.declareSubscriber(channel, context, config.deliveryLimit());
        for (Subscriber subscriber : dispatcher.subscribers()) {
            Topology.bind(channel, context, Dispatcher.publisherOf(subscriber), Contracts.of(subscriber.contract()).type());
        }
    }

    /**
     * Handles deliveries one at a time, in queue order, on the channel's dispatch thread, and settles
     * each before the next: acknowledged once applied or recognised as a duplicate, acknowledged once
     * its copy is in the DLQ. Never requeued: a message put back would be overtaken by the ones after
     * it. A failure that passes by itself is retried in place for as long as it lasts.
     */
    private final class Deliveries extends DefaultConsumer {

        private final DeadLetters deadLetters;
        private final CountDownLatch ended;

        Deliveries(Channel channel, DeadLetters deadLetters, CountDownLatch ended) {
            super(channel);
            this.deadLetters = deadLetters;
            this.ended = ended;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            String arrivedThrough = delivery.getExchange().isEmpty() ? originalExchange(properties) : delivery.getExchange();
            Backoff backoff = new Backoff(config.retryDelay(), Duration.ofSeconds(5));
            int failures = 0;
            while (running && getChannel().isOpen()) {
                Dispatch dispatch = dispatcher.dispatch(body, arrivedThrough);
                switch (dispatch.outcome()) {
                    case APPLIED, DUPLICATE -> {
                        getChannel().basicAck(delivery.getDeliveryTag(), false);
                        state = State.CONSUMING;
                        return;
                    }
                    case UNPROCESSABLE -> {
                        deadLetter(delivery, properties, body, dispatch.reason());
                        return;
                    }
                    case FAILED -> {
                        if (++failures >= config.attempts()) {
                            deadLetter(delivery, properties, body, "failed " + failures + " times, last: " + dispatch.reason());
                            return;
                        }
                    }
                    case TRANSIENT -> state = State.RETRYING;
                }
                backoff.pause();
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            LOG.errorf("the broker cancelled %s's consumer (its queue %s was deleted?): messages the queue held are lost;"
                    + " declaring it again", context, Topology.queueOf(context));
            ended.countDown();
        }

        /** Keeps trying until the DLQ holds the message, then acknowledges it; nothing else moves meanwhile. */
        private void deadLetter(Envelope delivery, AMQP.BasicProperties properties, byte[] body, String reason)
                throws IOException {
            Backoff backoff = new Backoff(config.retryDelay(), Duration.ofSeconds(5));
            while (running && getChannel().isOpen()) {
                if (deadLetters.send(delivery, properties, body, reason)) {
                    LOG.warnf("dead-lettered message %s (%s): %s", properties.getMessageId(), properties.getType(), reason);
                    getChannel().basicAck(delivery.getDeliveryTag(), false);
                    state = State.CONSUMING;
                    return;
                }
                backoff.pause();
            }
        }

        /** A dead letter moved back into the queue comes through the default exchange, with where it first came from. */
        private static String originalExchange(AMQP.BasicProperties properties) {
            Object original = properties.getHeaders() == null ? null : properties.getHeaders().get(DeadLetters.ORIGINAL_EXCHANGE);
            return original == null ? "" : original.toString();
        }
    }
}
