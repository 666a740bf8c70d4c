package org.acme.infrastructure.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.acme.infrastructure.rabbitmq.Backoff;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.subscriptions.Dispatcher;
import org.acme.infrastructure.subscriptions.SubscriptionConfig;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.MalformedEnvelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves what reaches the service's DLQ into the dead-letter store (decision 0017): each message is
 * kept (once), then acknowledged; one that cannot be kept now (the database away) goes back to the
 * DLQ and is tried again after a pause. The DLQ is where dead letters arrive — from this service,
 * with their reason, or from the broker at the delivery limit — and the store is where an operator
 * finds them. It runs in every instance of a subscribing service, each on its own connection.
 */
@ApplicationScoped
public class DeadLetterQueueDrain {

    private static final Logger LOG = Logger.getLogger(DeadLetterQueueDrain.class);
    private static final Duration KEEP_PATIENCE = Duration.ofSeconds(10);
    /** How long a message that could not be kept waits before the DLQ offers it again. */
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    /** How often the drain checks that its DLQ still has a consumer, in seconds. */
    private static final int CONSUMER_CHECK_SECONDS = 5;

    private final RabbitConnector rabbit;
    private final DeadLetterStore store;
    private final Dispatcher dispatcher;
    private final SubscriptionConfig config;
    private final String context;
    private final boolean enabled;
    private volatile boolean running;
    private volatile Thread worker;

    public DeadLetterQueueDrain(RabbitConnector rabbit, DeadLetterStore store, Dispatcher dispatcher, SubscriptionConfig config,
                                @ConfigProperty(name = "integration-events.context") String context,
                                @ConfigProperty(name = "integration-events.dead-letters.drain", defaultValue = "true") boolean enabled) {
        this.rabbit = rabbit;
        this.store = store;
        this.dispatcher = dispatcher;
        this.config = config;
        this.context = context;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled && config.enabled() && !dispatcher.subscribers().isEmpty()) {
            running = true;
            worker = new Thread(this::run, context + "-dead-letter-drain");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(config.retryDelay(), Duration.ofSeconds(5));
        while (running) {
            try (Connection connection = rabbit.connect(context + "-dead-letter-drain")) {
                CountDownLatch closed = new CountDownLatch(1);
                connection.addShutdownListener(cause -> closed.countDown());
                Channel channel = connection.createChannel();
                // A channel the broker closes while the connection stays (a refused acknowledgement) consumes no more.
                channel.addShutdownListener(cause -> closed.countDown());
                channel.basicQos(16);
                channel.basicConsume(Topology.deadLetterQueueOf(context), false, consumer(channel, closed));
                LOG.infof("the dead-letter drain of %s consumes %s", context, Topology.deadLetterQueueOf(context));
                backoff.reset();
                for (int second = 1; running && !closed.await(1, TimeUnit.SECONDS); second++) {
                    // Consuming (the consumer works on the client's own threads). A DLQ deleted and declared
                    // again may leave no consumer without a cancel reaching this one: then consume again.
                    if (second % CONSUMER_CHECK_SECONDS == 0 && !consumed(connection)) {
                        LOG.warnf("the dead-letter drain of %s finds no consumer on its DLQ: consuming again", context);
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.infof("the dead-letter drain of %s waits for its DLQ: %s", context, e);
                    backoff.pause();
                }
            }
        }
    }

    /** Whether the DLQ has a consumer (this drain's, or another instance's): false if it cannot tell. */
    private boolean consumed(Connection connection) {
        try (Channel probe = connection.createChannel()) {
            return probe.queueDeclarePassive(Topology.deadLetterQueueOf(context)).getConsumerCount() > 0;
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException cannotTell) {
            return false;
        }
    }

    private DefaultConsumer consumer(Channel channel, CountDownLatch closed) {
        return new DefaultConsumer(channel) {
            @Override
            public void handleCancel(String tag) {
                // The DLQ was deleted: consume again once the subscription's topology has declared it again.
                LOG.infof("the dead-letter drain of %s was cancelled by the broker (its DLQ deleted?): consuming again", context);
                closed.countDown();
            }

            @Override
            public void handleDelivery(String tag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) throws IOException {
                LOG.debugf("keeping dead letter %s", properties.getMessageId());
                try {
                    store.keep(deadLetterOf(delivery, properties, body)).await().atMost(KEEP_PATIENCE);
                    channel.basicAck(delivery.getDeliveryTag(), false);
                } catch (RuntimeException cannotKeepNow) {
                    LOG.warnf(cannotKeepNow, "cannot keep dead letter %s yet, it goes back to the DLQ", properties.getMessageId());
                    pause();
                    channel.basicNack(delivery.getDeliveryTag(), false, true);
                }
            }
        };
    }

    /** What the store keeps of a message from the DLQ, read from what this service or the broker wrote on it. */
    static DeadLetter deadLetterOf(Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
        Map<String, Object> headers = plain(properties.getHeaders());
        Map<?, ?> death = firstDeath(headers);
        String reason = Optional.ofNullable(headers.get("x-dead-letter-reason")).map(String::valueOf)
                .orElseGet(() -> "dead-lettered by the broker: " + (death == null ? "no reason given" : death.get("reason")));
        org.acme.integrationevents.Envelope envelope = readable(body);
        return new DeadLetter(UUID.randomUUID(),
                Optional.ofNullable(properties.getMessageId()).orElseGet(() -> "none-" + UUID.randomUUID()),
                envelope == null ? properties.getType() : envelope.type(),
                envelope == null ? null : envelope.metadata().aggregateType(),
                envelope == null ? null : envelope.metadata().aggregateId(),
                envelope == null ? null : envelope.metadata().correlationId(),
                reason, deadLetteredAt(headers, death), tries(headers, death), delivery.getRoutingKey(), properties.getUserId(),
                headers, body, DeadLetter.WAITING, null, null, null);
    }

    private static org.acme.integrationevents.Envelope readable(byte[] body) {
        try {
            return EnvelopeCodec.decode(body);
        } catch (MalformedEnvelope | RuntimeException unreadable) {
            return null;
        }
    }

    private static Instant deadLetteredAt(Map<String, Object> headers, Map<?, ?> death) {
        Object at = headers.get("x-dead-lettered-at");
        if (at == null && death != null) {
            at = death.get("time");
        }
        try {
            return at == null ? Instant.now() : Instant.parse(at.toString());
        } catch (DateTimeParseException unreadable) {
            return Instant.now();
        }
    }

    private static int tries(Map<String, Object> headers, Map<?, ?> death) {
        Object tries = headers.getOrDefault("x-tries", death == null ? null : death.get("count"));
        try {
            return tries == null ? 1 : Integer.parseInt(tries.toString());
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }

    private static Map<?, ?> firstDeath(Map<String, Object> headers) {
        return headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty() && deaths.get(0) instanceof Map<?, ?> first
                ? first : null;
    }

    /** AMQP header values as JSON can carry them: text for strings, ISO-8601 for times. */
    static Map<String, Object> plain(Map<String, Object> headers) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> plain.put(name, plainValue(value)));
        }
        return plain;
    }

    private static Object plainValue(Object value) {
        if (value instanceof LongString text) {
            return text.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DeadLetterQueueDrain::plainValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((name, inner) -> plain.put(String.valueOf(name), plainValue(inner)));
            return plain;
        }
        return value;
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
