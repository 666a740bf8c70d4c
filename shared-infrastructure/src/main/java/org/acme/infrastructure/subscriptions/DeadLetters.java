package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acme.infrastructure.rabbitmq.Backoff;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves a message the service cannot process to its DLQ, unchanged but for headers that say why,
 * where it came from and when. The caller acknowledges the original only once the broker confirmed
 * the copy <em>and</em> routed it to a queue:
 *
 * <ul>
 *   <li>{@code mandatory}: a DLQ or binding that was deleted returns the copy instead of dropping it
 *       while still confirming; the DLQ is then declared again (the DLQ alone, decision 0023) and the
 *       send retried;</li>
 *   <li>a connection of its own: a publisher blocked by a broker alarm must not block the
 *       consumer's acknowledgements, which travel on the consumer's connection;</li>
 *   <li>after a nack, a timeout or a return, the channel is closed and the next send opens a new
 *       one (a channel that saw a confirm timeout is in an unknown state).</li>
 * </ul>
 *
 * The AMQP client blocks, so every send runs on a thread of its own, never on an event loop.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REASON = "x-dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final RabbitConnector rabbit;
    private final String context;
    private final SubscriptionConfig config;
    private final ExecutorService thread;
    private final AtomicBoolean returned = new AtomicBoolean();
    private volatile boolean running = true;
    private Connection connection;
    private Channel channel;

    public DeadLetters(RabbitConnector rabbit, @ConfigProperty(name = "integration-events.context") String context,
                       SubscriptionConfig config) {
        this.rabbit = rabbit;
        this.context = context;
        this.config = config;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread worker = new Thread(task, context + "-dead-letters");
            worker.setDaemon(true);
            return worker;
        });
    }

    /**
     * Sends the copy, again and again if need be, until the DLQ holds it; completes then, so that the
     * original can be acknowledged. Nothing else on the queue moves meanwhile.
     */
    CompletionStage<Void> moveToDeadLetterQueue(String exchange, String routingKey, AMQP.BasicProperties properties,
                                                byte[] body, String reason, int tries) {
        return CompletableFuture.runAsync(() -> {
            Backoff backoff = new Backoff(config.retryDelay(), Duration.ofSeconds(5));
            while (running && !send(exchange, routingKey, properties, body, reason, tries)) {
                backoff.pause();
            }
            if (!running) {
                throw new IllegalStateException("stopped before message " + properties.getMessageId() + " was dead-lettered");
            }
            LOG.warnf("dead-lettered message %s (%s): %s", properties.getMessageId(), properties.getType(), reason);
        }, thread);
    }

    /** Answers whether the DLQ now holds the message: confirmed and routed. */
    private boolean send(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body, String reason, int tries) {
        try {
            Channel open = channel();
            returned.set(false);
            open.basicPublish(Topology.deadLetterExchangeOf(context), routingKey, true,
                    copyOf(exchange, routingKey, properties, reason, tries), body);
            if (!open.waitForConfirms(CONFIRM_TIMEOUT_MILLIS) || returned.get()) {
                LOG.errorf("the broker did not take dead letter %s (%s); declaring the DLQ again and retrying",
                        properties.getMessageId(), returned.get() ? "returned: no DLQ bound" : "nacked");
                close();
                return false;
            }
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.errorf("cannot dead-letter message %s yet, it stays unacknowledged: %s", properties.getMessageId(), e);
            close();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return false;
        }
    }

    /**
     * The dead letter's properties: why, by whom, when, and where it came from as the broker vouched
     * for it on arrival (decision 0015). The copy is published by this service's own user, so it
     * carries that user-id; the one it came with is kept as {@code x-original-user-id}. Only a dead letter
     * this service itself moved back (through its redrive exchange) keeps the origin it already recorded:
     * anything else a sender wrote in those headers is overwritten.
     */
    private AMQP.BasicProperties copyOf(String exchange, String routingKey, AMQP.BasicProperties properties, String reason,
                                        int tries) {
        Map<String, Object> headers = properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        headers.put(REASON, reason);
        headers.put("x-tries", tries);
        headers.put("x-dead-lettered-by", context);
        headers.put("x-dead-lettered-at", Instant.now().toString());
        boolean movedBackByThisService = Topology.redriveExchangeOf(context).equals(exchange)
                && rabbit.username().equals(properties.getUserId());
        if (!movedBackByThisService) {
            headers.put(Arrival.ORIGINAL_EXCHANGE, exchange == null ? "" : exchange);
            headers.put("x-original-routing-key", routingKey);
            if (properties.getUserId() == null) {
                headers.remove(Arrival.ORIGINAL_USER_ID);
            } else {
                headers.put(Arrival.ORIGINAL_USER_ID, properties.getUserId());
            }
        }
        return properties.builder().headers(headers).deliveryMode(2).userId(rabbit.username()).build();
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        connection = rabbit.connect(context + "-dead-letters");
        channel = connection.createChannel();
        Topology.declareDeadLetterQueue(channel, context);
        channel.confirmSelect();
        channel.addReturnListener(message -> returned.set(true));
        return channel;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        thread.shutdownNow();
        close();
    }

    private void close() {
        RabbitConnector.closeQuietly(connection);
        connection = null;
        channel = null;
    }
}
