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
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.rabbitmq.Backoff;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Contracts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes this service's queue and acknowledges a message only once its outcome is durable:
 * applied and committed, recognised as a duplicate, or dead-lettered with its reason. A message
 * that keeps failing goes back to the queue until the queue's delivery limit, then to the DLQ.
 */
@ApplicationScoped
public class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class);

    /** What the subscription is doing, for health checks and tests. */
    public enum State { STOPPED, CONNECTING, CONSUMING, BROKER_UNAVAILABLE }

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
        closeQuietly(connection);
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
            try {
                consumeUntilDisconnected();
                backoff.reset();
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (running) {
                    state = State.BROKER_UNAVAILABLE;
                    LOG.warnf("%s cannot consume %s, retrying: %s", context, Topology.queueOf(context), e.getMessage());
                }
            }
            closeQuietly(connection);
            if (running) {
                backoff.pause();
            }
        }
    }

    private void consumeUntilDisconnected() throws IOException, TimeoutException {
        connection = rabbit.connect(context + "-subscription");
        CountDownLatch closed = new CountDownLatch(1);
        connection.addShutdownListener(cause -> closed.countDown());
        Channel channel = connection.createChannel();
        DeadLetters deadLetters = new DeadLetters(connection.createChannel(), context);
        declareTopology(channel);
        channel.basicQos(config.prefetch());
        channel.basicConsume(Topology.queueOf(context), false, context + "-subscriber",
                new Deliveries(channel, deadLetters));
        state = State.CONSUMING;
        LOG.infof("%s consumes %s", context, Topology.queueOf(context));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void declareTopology(Channel channel) throws IOException {
        Topology.declareSubscriber(channel, context, config.deliveryLimit());
        for (Subscriber subscriber : dispatcher.subscribers()) {
            Topology.bind(channel, context, Dispatcher.publisherOf(subscriber), Contracts.of(subscriber.contract()).type());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(1_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // Gone already: unacknowledged messages return to the queue.
        }
    }

    /** Handles deliveries one at a time, in queue order, on the channel's dispatch thread. */
    private final class Deliveries extends DefaultConsumer {

        private final DeadLetters deadLetters;

        Deliveries(Channel channel, DeadLetters deadLetters) {
            super(channel);
            this.deadLetters = deadLetters;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            Dispatch dispatch = dispatchWithRetries(body);
            long tag = delivery.getDeliveryTag();
            switch (dispatch.outcome()) {
                case APPLIED, DUPLICATE -> getChannel().basicAck(tag, false);
                case UNPROCESSABLE -> deadLetter(delivery, properties, body, dispatch.reason());
                case FAILED -> {
                    if (deliveriesSoFar(properties) + 1 >= config.deliveryLimit()) {
                        deadLetter(delivery, properties, body, "failed " + config.deliveryLimit() + " deliveries, last: "
                                + dispatch.reason());
                    } else {
                        getChannel().basicNack(tag, false, true);
                    }
                }
            }
        }

        private Dispatch dispatchWithRetries(byte[] body) {
            Dispatch dispatch = dispatcher.dispatch(body);
            long pause = config.retryDelay().toMillis();
            for (int attempt = 1; attempt < config.attempts() && dispatch.outcome() == Dispatch.Outcome.FAILED; attempt++) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return dispatch;
                }
                pause *= 2;
                dispatch = dispatcher.dispatch(body);
            }
            return dispatch;
        }

        private void deadLetter(Envelope delivery, AMQP.BasicProperties properties, byte[] body, String reason)
                throws IOException {
            if (deadLetters.send(delivery, properties, body, reason)) {
                LOG.warnf("dead-lettered message %s (%s): %s", properties.getMessageId(), properties.getType(), reason);
                getChannel().basicAck(delivery.getDeliveryTag(), false);
            } else {
                getChannel().basicNack(delivery.getDeliveryTag(), false, true);
            }
        }

        /** Quorum queues count earlier deliveries of a message in x-delivery-count. */
        private static long deliveriesSoFar(AMQP.BasicProperties properties) {
            Object count = properties.getHeaders() == null ? null : properties.getHeaders().get("x-delivery-count");
            return count instanceof Number number ? number.longValue() : 0;
        }
    }
}
