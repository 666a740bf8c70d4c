package org.acme.infrastructure.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.tracing.MessageTracing;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the context's exchange on a channel in confirm mode. A batch is sent
 * without waiting, then its confirms are awaited together: one round trip per batch instead of one
 * per message. Messages are persistent and mandatory, so a message the broker cannot route is
 * returned rather than dropped. A row whose fields AMQP cannot carry (a short string over 255
 * bytes) is never sent: it would break the channel and, sent again and again, stop the relay.
 * Each message sent is a PRODUCER span of the trace its row recorded, ended when confirmed.
 */
final class ConfirmedPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConfirmedPublisher.class);
    /** As often as the subscribers look at their own topology. */
    private static final Duration EXCHANGE_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final RabbitConnector connector;
    private final MessageTracing tracing;
    private final String context;
    private final String exchange;
    private final Duration confirmTimeout;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private Connection connection;
    private Channel channel;
    private boolean exchangeWasMissing;
    private long exchangeCheckedAt;

    ConfirmedPublisher(RabbitConnector connector, MessageTracing tracing, String context, Duration confirmTimeout) {
        this.connector = connector;
        this.tracing = tracing;
        this.context = context;
        this.exchange = Topology.exchangeOf(context);
        this.confirmTimeout = confirmTimeout;
    }

    /**
     * Publishes a batch and answers what became of each row. A nack leaves the whole batch
     * unconfirmed (it will be published again: a duplicate, never a loss).
     */
    Publication publish(List<OutboxMessage> batch) throws BrokerUnavailable {
        Map<Long, Span> spans = new HashMap<>();
        String failure = "not confirmed";
        try {
            Channel channel = channel();
            returned.clear();
            Map<Long, String> unpublishable = new HashMap<>();
            for (OutboxMessage message : batch) {
                String unfit = message.whyAmqpCannotCarryIt();
                if (unfit != null) {
                    unpublishable.put(message.position(), unfit);
                } else {
                    Span span = tracing.publishing(message.traceParent(), exchange, message.routingKey(), message.messageId().toString());
                    if (span.getSpanContext().isValid()) {
                        spans.put(message.position(), span);
                    }
                    channel.basicPublish(exchange, message.routingKey(), true, properties(message, span), message.body());
                }
            }
            if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
                LOG.warnf("the broker refused (nack) part of a batch of %d; the batch will be published again", batch.size());
                failure = "refused by the broker (nack)";
                return new Publication(List.of(), List.of(), unpublishable);
            }
            List<Long> confirmed = new ArrayList<>(batch.size());
            List<Long> unroutable = new ArrayList<>();
            for (OutboxMessage message : batch) {
                if (returned.contains(message.messageId().toString())) {
                    LOG.errorf("%s %s was returned as unroutable: %s lost its alternate exchange or its queue;"
                            + " it stays in the outbox until the topology is declared again", message.eventType(),
                            message.messageId(), exchange);
                    unroutable.add(message.position());
                } else if (!unpublishable.containsKey(message.position())) {
                    confirmed.add(message.position());
                }
            }
            if (!unroutable.isEmpty()) {
                close(); // the next batch connects again, and declares the topology again
            }
            confirmed.stream().map(spans::remove).filter(Objects::nonNull).forEach(span -> MessageTracing.end(span, null));
            failure = "returned as unroutable";
            return new Publication(confirmed, unroutable, unpublishable);
        } catch (IOException | TimeoutException | RuntimeException e) {
            failure = e.toString();
            close();
            throw new BrokerUnavailable("cannot publish to " + exchange + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BrokerUnavailable("interrupted while awaiting confirms", e);
        } finally {
            for (Span unconfirmed : spans.values()) {
                MessageTracing.end(unconfirmed, failure);
            }
        }
    }

    boolean connected() {
        return channel != null && channel.isOpen();
    }

    /**
     * Connects (and declares the topology) unless connected, and answers whether the exchange had to
     * be created: it never existed (a first deployment) or someone deleted it, and every subscriber's
     * binding went with it. Connected, it looks every few seconds whether the exchange is still there,
     * and connects again if not: subscribers cannot declare another context's exchange, they bind to it
     * once its publisher has (decision 0015), so the publisher restores it even with nothing to publish.
     */
    boolean connectFindingExchangeMissing() throws BrokerUnavailable {
        try {
            if (connected() && System.nanoTime() - exchangeCheckedAt > EXCHANGE_CHECK_INTERVAL.toNanos()) {
                exchangeCheckedAt = System.nanoTime();
                if (!exchangeExists()) {
                    close();
                }
            }
            boolean wasConnected = connected();
            channel();
            return !wasConnected && exchangeWasMissing;
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw new BrokerUnavailable("cannot connect to publish to " + exchange + ": " + e, e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (connected()) {
            return channel;
        }
        close();
        connection = connector.connect(context + "-outbox-relay");
        exchangeWasMissing = !exchangeExists();
        exchangeCheckedAt = System.nanoTime();
        channel = connection.createChannel();
        Topology.declarePublisher(channel, context);
        channel.confirmSelect();
        channel.addReturnListener(message -> returned.add(String.valueOf(message.getProperties().getMessageId())));
        return channel;
    }

    private boolean exchangeExists() throws IOException, TimeoutException {
        Channel probe = connection.createChannel();
        try {
            probe.exchangeDeclarePassive(exchange);
            probe.close();
            return true;
        } catch (IOException notFound) {
            return false; // the broker closed the probe channel with 404
        }
    }

    private AMQP.BasicProperties properties(OutboxMessage message, Span span) {
        Map<String, Object> headers = new HashMap<>(4);
        String traceParent = MessageTracing.traceParentOf(span);
        if (traceParent != null) {
            headers.put(MessageTracing.HEADER, traceParent);
        }
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
                // The broker refuses the message unless this is the connection's own user: subscribers
                // trust this, not what the envelope says of its publisher (decision 0015).
                .userId(connector.username())
                .correlationId(message.correlationId())
                .headers(headers)
                .build();
    }

    @Override
    public void close() {
        RabbitConnector.closeQuietly(connection);
        connection = null;
        channel = null;
    }
}
