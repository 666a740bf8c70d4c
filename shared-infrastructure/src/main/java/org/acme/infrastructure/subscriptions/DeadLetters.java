package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.jboss.logging.Logger;

/**
 * Moves a message the service cannot process to its DLQ, unchanged but for headers that say why,
 * where it came from and when. The subscription acknowledges the original only after the broker
 * confirmed the copy <em>and</em> routed it to a queue:
 *
 * <ul>
 *   <li>{@code mandatory}: a DLQ or binding that was deleted returns the copy instead of dropping it
 *       while still confirming; the topology is then declared again and the send retried;</li>
 *   <li>a connection of its own: a publisher blocked by a broker alarm must not block the
 *       consumer's acknowledgements, which travel on the consumer's connection;</li>
 *   <li>after a nack, a timeout or a return, the channel is closed and the next send opens a new
 *       one (a channel that saw a confirm timeout is in an unknown state).</li>
 * </ul>
 */
final class DeadLetters implements AutoCloseable {

    static final String REASON = "x-dead-letter-reason";
    static final String ORIGINAL_EXCHANGE = "x-original-exchange";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final RabbitConnector rabbit;
    private final String context;
    private final int deliveryLimit;
    private final AtomicBoolean returned = new AtomicBoolean();
    private Connection connection;
    private Channel channel;

    DeadLetters(RabbitConnector rabbit, String context, int deliveryLimit) {
        this.rabbit = rabbit;
        this.context = context;
        this.deliveryLimit = deliveryLimit;
    }

    /** Answers whether the DLQ now holds the message: confirmed and routed. */
    boolean send(Envelope delivery, AMQP.BasicProperties properties, byte[] body, String reason) {
        Map<String, Object> headers = properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        headers.put(REASON, reason);
        headers.put("x-dead-lettered-by", context);
        headers.put("x-dead-lettered-at", Instant.now().toString());
        headers.putIfAbsent(ORIGINAL_EXCHANGE, delivery.getExchange());
        headers.putIfAbsent("x-original-routing-key", delivery.getRoutingKey());
        try {
            Channel open = channel();
            returned.set(false);
            open.basicPublish(Topology.deadLetterExchangeOf(context), delivery.getRoutingKey(), true,
                    properties.builder().headers(headers).deliveryMode(2).build(), body);
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

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        connection = rabbit.connect(context + "-dead-letters");
        channel = connection.createChannel();
        Topology.declareSubscriber(channel, context, deliveryLimit);
        channel.confirmSelect();
        channel.addReturnListener(message -> returned.set(true));
        return channel;
    }

    @Override
    public void close() {
        RabbitConnector.closeQuietly(connection);
        connection = null;
        channel = null;
    }
}
