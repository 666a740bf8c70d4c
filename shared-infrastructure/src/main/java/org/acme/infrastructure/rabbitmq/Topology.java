package org.acme.infrastructure.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The broker topology (docs/architecture.md, "RabbitMQ topology"), declared idempotently:
 * redeclaring with the same arguments is a no-op, so every service declares what it publishes to
 * and consumes from at each (re)connection.
 */
public final class Topology {

    private static final Logger LOG = Logger.getLogger(Topology.class);

    private Topology() {
    }

    /** The topic exchange a context publishes its integration events to. */
    public static String exchangeOf(String context) {
        return context + ".events";
    }

    /** Where the exchange sends what no binding matches, so that no event is silently dropped. */
    public static String unroutableOf(String context) {
        return exchangeOf(context) + ".unroutable";
    }

    public static String queueOf(String context) {
        return context + ".integration-events";
    }

    public static String deadLetterExchangeOf(String context) {
        return queueOf(context) + ".dlx";
    }

    public static String deadLetterQueueOf(String context) {
        return queueOf(context) + ".dlq";
    }

    /**
     * The way back into a subscriber's queue for a dead letter moved back: only the subscriber's own
     * user may publish there, so a message that came this way is one it put back itself (decision 0015).
     */
    public static String redriveExchangeOf(String context) {
        return queueOf(context) + ".redrive";
    }

    /**
     * The most events the unroutable queue keeps; past it the oldest go. Most of them are refused
     * commands no context subscribes to yet, which any client can cause: unbounded, they would fill
     * the broker's disk. Every one stays in its publisher's outbox for the retention period.
     */
    public static final int UNROUTABLE_KEPT = 10_000;

    /**
     * Declares a publisher's topic exchange with its alternate exchange and the bounded queue that
     * keeps unroutable events. Only the publisher declares it: subscribers may not (decision 0015).
     */
    public static void declarePublisher(Channel channel, String context) throws IOException {
        String unroutable = unroutableOf(context);
        channel.exchangeDeclare(unroutable, BuiltinExchangeType.FANOUT, true, false, Map.of());
        declareUnroutableQueue(channel, unroutable);
        channel.queueBind(unroutable, unroutable, "");
        channel.exchangeDeclare(exchangeOf(context), BuiltinExchangeType.TOPIC, true, false,
                Map.of("alternate-exchange", unroutable));
    }

    /**
     * On a channel of its own: a queue declared by an earlier version without the bound makes the
     * broker refuse the new arguments (406) and close the channel. That queue keeps working, so the
     * refusal is logged with the fix, not fatal.
     */
    private static void declareUnroutableQueue(Channel channel, String unroutable) throws IOException {
        Channel own = channel.getConnection().createChannel();
        try {
            own.queueDeclare(unroutable, true, false, false, Map.of("x-queue-type", "quorum",
                    "x-max-length", UNROUTABLE_KEPT, "x-overflow", "drop-head"));
        } catch (IOException refused) {
            LOG.warnf("%s exists without a bound on its length (declared by an earlier version): it keeps every"
                    + " unroutable event; delete it, and it is declared again bounded. %s", unroutable,
                    refused.getCause() == null ? refused : refused.getCause().getMessage());
        } finally {
            closeQuietly(own);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // Closed by the broker already.
        }
    }

    /**
     * Declares a subscribing context's DLQ and quorum queue: one consumer at a time (so events are handled
     * in order even with several instances), a bounded number of deliveries, at-least-once
     * dead-lettering to its DLQ, and the exchange dead letters are moved back through.
     */
    public static void declareSubscriber(Channel channel, String context, int deliveryLimit) throws IOException {
        declareDeadLetterQueue(channel, context);
        declareSubscriberQueue(channel, context, deliveryLimit);
    }

    /** The subscribing context's queue alone, and the exchange its dead letters are moved back through. */
    public static void declareSubscriberQueue(Channel channel, String context, int deliveryLimit) throws IOException {
        Map<String, Object> arguments = new HashMap<>(deadLetteringOf(context));
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-single-active-consumer", true);
        arguments.put("x-delivery-limit", (long) deliveryLimit);
        channel.queueDeclare(queueOf(context), true, false, false, arguments);
        declareRedrive(channel, context);
    }

    /** The exchange a subscriber's dead letters are moved back through, bound to its queue (which must exist). */
    public static void declareRedrive(Channel channel, String context) throws IOException {
        channel.exchangeDeclare(redriveExchangeOf(context), BuiltinExchangeType.FANOUT, true, false, Map.of());
        channel.queueBind(queueOf(context), redriveExchangeOf(context), "");
    }

    /**
     * A subscribing context's DLQ and the exchange dead letters reach it through. What dead-lettering
     * declares when it finds them gone: the subscriber's queue itself it leaves to the topology check,
     * as a queue declared again within moments of its deletion can keep a consumer of the deleted one
     * registered, uncancelled (decision 0023).
     */
    public static void declareDeadLetterQueue(Channel channel, String context) throws IOException {
        String deadLetters = deadLetterExchangeOf(context);
        channel.exchangeDeclare(deadLetters, BuiltinExchangeType.FANOUT, true, false, Map.of());
        channel.queueDeclare(deadLetterQueueOf(context), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(deadLetterQueueOf(context), deadLetters, "");
    }

    /**
     * How a subscriber's queue dead-letters a message past its delivery limit: to the DLQ, at least
     * once (kept until the DLQ confirms it), refusing new messages rather than dropping old ones when
     * full.
     */
    public static Map<String, Object> deadLetteringOf(String context) {
        return Map.of(
                "x-dead-letter-exchange", deadLetterExchangeOf(context),
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    /**
     * Binds a subscriber's queue to every version of one event type of a publisher. Only the publisher
     * declares its exchange (decision 0015): until it has, the broker refuses the binding (404, which
     * closes the channel).
     */
    public static void bind(Channel channel, String subscriber, String publisher, String eventType) throws IOException {
        channel.queueBind(queueOf(subscriber), exchangeOf(publisher), eventType + ".*");
    }
}
