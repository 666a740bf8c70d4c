package org.acme.infrastructure.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the context's exchange on a channel in confirm mode. A batch is sent
 * without waiting, then its confirms are awaited together: one round trip per batch instead of one
 * per message. Messages are persistent and mandatory, so a message the broker cannot route is
 * returned rather than dropped.
 */
final class ConfirmedPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConfirmedPublisher.class);

    private final RabbitConnector connector;
    private final String context;
    private final String exchange;
    private final Duration confirmTimeout;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private Connection connection;
    private Channel channel;

    ConfirmedPublisher(RabbitConnector connector, String context, Duration confirmTimeout) {
        this.connector = connector;
        this.context = context;
        this.exchange = Topology.exchangeOf(context);
        this.confirmTimeout = confirmTimeout;
    }

    /**
     * Publishes a batch and answers the positions the broker confirmed. A nack leaves the whole
     * batch unconfirmed (it will be published again: a duplicate, never a loss).
     */
    List<Long> publish(List<OutboxMessage> batch) throws BrokerUnavailable {
        try {
            Channel channel = channel();
            returned.clear();
            for (OutboxMessage message : batch) {
                channel.basicPublish(exchange, message.routingKey(), true, properties(message), message.body());
            }
            if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
                LOG.warnf("the broker refused (nack) part of a batch of %d; the batch will be published again", batch.size());
                return List.of();
            }
            List<Long> confirmed = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                if (returned.contains(message.messageId().toString())) {
                    LOG.errorf("%s %s was returned as unroutable: %s has no binding for it and no alternate exchange;"
                            + " it stays in the outbox", message.eventType(), message.messageId(), exchange);
                } else {
                    confirmed.add(message.position());
                }
            }
            return confirmed;
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw new BrokerUnavailable("cannot publish to " + exchange + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BrokerUnavailable("interrupted while awaiting confirms", e);
        }
    }

    boolean connected() {
        return channel != null && channel.isOpen();
    }

    private Channel channel() throws IOException, TimeoutException {
        if (connected()) {
            return channel;
        }
        close();
        connection = connector.connect(context + "-outbox-relay");
        channel = connection.createChannel();
        Topology.declarePublisher(channel, context);
        channel.confirmSelect();
        channel.addReturnListener(message -> returned.add(String.valueOf(message.getProperties().getMessageId())));
        return channel;
    }

    private AMQP.BasicProperties properties(OutboxMessage message) {
        Map<String, Object> headers = new HashMap<>(4);
        if (message.correlationId() != null) {
            headers.put("x-correlation-id", message.correlationId());
        }
        if (message.causationId() != null) {
            headers.put("x-causation-id", message.causationId());
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(message.messageId().toString())
                .type(message.eventType())
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .timestamp(Date.from(message.occurredAt()))
                .appId(context)
                .correlationId(message.correlationId())
                .headers(headers)
                .build();
    }

    @Override
    public void close() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(1_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // Already gone: nothing to release.
        }
        connection = null;
        channel = null;
    }
}
