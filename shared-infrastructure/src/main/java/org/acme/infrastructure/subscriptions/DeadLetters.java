package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.rabbitmq.Topology;
import org.jboss.logging.Logger;

/**
 * Moves a message the service cannot process to its DLQ, unchanged but for headers that say why,
 * where it came from and when. The original is acknowledged only after the broker confirmed the
 * copy, so a message is never dropped on the way.
 */
final class DeadLetters {

    static final String REASON = "x-dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Channel channel;
    private final String context;

    DeadLetters(Channel channel, String context) throws IOException {
        this.channel = channel;
        this.context = context;
        channel.confirmSelect();
    }

    /** Answers whether the broker confirmed the dead letter. */
    boolean send(Envelope delivery, AMQP.BasicProperties properties, byte[] body, String reason) {
        Map<String, Object> headers = properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        headers.put(REASON, reason);
        headers.put("x-dead-lettered-by", context);
        headers.put("x-dead-lettered-at", Instant.now().toString());
        headers.put("x-original-exchange", delivery.getExchange());
        headers.put("x-original-routing-key", delivery.getRoutingKey());
        try {
            channel.basicPublish(Topology.deadLetterExchangeOf(context), delivery.getRoutingKey(), false,
                    properties.builder().headers(headers).deliveryMode(2).build(), body);
            channel.waitForConfirmsOrDie(10_000);
            return true;
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf("cannot dead-letter message %s, it goes back to the queue: %s", properties.getMessageId(), e);
            return false;
        }
    }
}
