package org.acme.infrastructure.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The broker topology of ARCHITECTURE §4, declared idempotently: redeclaring with the same
 * arguments is a no-op, so every service declares what it publishes to and consumes from at each
 * (re)connection.
 */
public final class Topology {

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
     * Declares a publisher's topic exchange with its alternate exchange and the queue that keeps
     * unroutable events. Subscribers declare it too before binding, with the same arguments.
     */
    public static void declarePublisher(Channel channel, String context) throws IOException {
        String unroutable = unroutableOf(context);
        channel.exchangeDeclare(unroutable, BuiltinExchangeType.FANOUT, true, false, Map.of());
        channel.queueDeclare(unroutable, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(unroutable, unroutable, "");
        channel.exchangeDeclare(exchangeOf(context), BuiltinExchangeType.TOPIC, true, false,
                Map.of("alternate-exchange", unroutable));
    }

    /**
     * Declares a subscribing context's quorum queue: one consumer at a time (so events are handled
     * in order even with several instances), a bounded number of deliveries, and at-least-once
     * dead-lettering to its DLQ.
     */
    public static void declareSubscriber(Channel channel, String context, int deliveryLimit) throws IOException {
        String deadLetters = deadLetterExchangeOf(context);
        channel.exchangeDeclare(deadLetters, BuiltinExchangeType.FANOUT, true, false, Map.of());
        channel.queueDeclare(deadLetterQueueOf(context), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(deadLetterQueueOf(context), deadLetters, "");
        channel.queueDeclare(queueOf(context), true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-single-active-consumer", true,
                "x-delivery-limit", deliveryLimit,
                "x-dead-letter-exchange", deadLetters,
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish"));
    }

    /** Binds a subscriber's queue to every version of one event type of a publisher. */
    public static void bind(Channel channel, String subscriber, String publisher, String eventType) throws IOException {
        declarePublisher(channel, publisher);
        channel.queueBind(queueOf(subscriber), exchangeOf(publisher), eventType + ".*");
    }
}
