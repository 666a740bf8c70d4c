package org.acme.infrastructure.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
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
 *
 * <p>It polls ({@code basic.get}) rather than consumes (decision 0023): a quorum DLQ deleted and at
 * once declared again can keep a consumer of the deleted queue registered on the new one, without a
 * cancel, and hand it the messages it never delivers (RabbitMQ 3.10). A poll holds no consumer, so a
 * DLQ deleted, or deleted and declared again, is simply read again.
 */
@ApplicationScoped
public class DeadLetterQueueDrain {

    private static final Logger LOG = Logger.getLogger(DeadLetterQueueDrain.class);
    private static final Duration KEEP_PATIENCE = Duration.ofSeconds(10);
    /** How long a message that could not be kept waits before the DLQ offers it again. */
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    /** How long an empty DLQ waits before it is read again: dead letters reach the store within it. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

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
        String queue = Topology.deadLetterQueueOf(context);
        while (running) {
            try (Connection connection = rabbit.connect(context + "-dead-letter-drain")) {
                Channel channel = connection.createChannel();
                LOG.infof("the dead-letter drain of %s reads %s", context, queue);
                while (running) {
                    GetResponse message = channel.basicGet(queue, false);
                    backoff.reset();
                    if (message == null) {
                        Thread.sleep(POLL_INTERVAL.toMillis());
                    } else {
                        keep(channel, message);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The DLQ deleted (a 404 closes the channel) or the broker away: read again once it is back.
                if (running) {
                    LOG.infof("the dead-letter drain of %s waits for its DLQ: %s", context, e);
                    backoff.pause();
                }
            }
        }
    }

    private void keep(Channel channel, GetResponse message) throws IOException, InterruptedException {
        AMQP.BasicProperties properties = message.getProps();
        LOG.debugf("keeping dead letter %s", properties.getMessageId());
        try {
            store.keep(deadLetterOf(message.getEnvelope(), properties, message.getBody())).await().atMost(KEEP_PATIENCE);
            channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
        } catch (RuntimeException cannotKeepNow) {
            LOG.warnf(cannotKeepNow, "cannot keep dead letter %s yet, it goes back to the DLQ", properties.getMessageId());
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
            channel.basicNack(message.getEnvelope().getDeliveryTag(), false, true);
        }
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
}
