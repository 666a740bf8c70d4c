package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.testing.LocalBroker;

/**
 * The suite speaking on the broker as a context would (or as a faulty one would): envelopes written
 * by hand in the published language, sent to an exchange as the context that owns it (its own broker
 * user, stamped as the validated user-id: the only one the broker lets publish there), and dead
 * letters written into a subscriber's DLQ as that subscriber does, with its own user (an operator
 * then redrives them through the subscriber's dead-letter API). The suite holds the credentials of the services it runs, nothing more.
 */
final class ForeignPublisher {

    /** The correlation ids of what the suite publishes itself. */
    static final String CORRELATION_PREFIX = "faults-";

    private ForeignPublisher() {
    }

    /** An envelope as the named publisher writes it, about one version of one aggregate. */
    static ObjectNode envelope(String type, int schemaVersion, String publisher, String aggregateType, UUID aggregateId,
                               Long aggregateVersion, ObjectNode payload) {
        ObjectNode envelope = Http.JSON.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("kind", "integration");
        envelope.put("timestamp", Instant.now().toString());
        envelope.set("payload", payload);
        ObjectNode metadata = envelope.putObject("metadata");
        metadata.put("schemaVersion", schemaVersion);
        metadata.put("outcome", "accepted");
        metadata.put("publisher", publisher);
        metadata.put("aggregateType", aggregateType);
        metadata.put("aggregateId", aggregateId.toString());
        if (aggregateVersion == null) {
            metadata.putNull("aggregateVersion");
        } else {
            metadata.put("aggregateVersion", aggregateVersion);
        }
        metadata.put("commandType", "FaultSuite");
        metadata.put("commandId", UUID.randomUUID().toString());
        metadata.put("correlationId", CORRELATION_PREFIX + UUID.randomUUID());
        metadata.put("causationId", UUID.randomUUID().toString());
        metadata.putNull("expectedVersion");
        metadata.putNull("currentVersion");
        return envelope;
    }

    static ObjectNode orderPlaced(UUID orderId, UUID productId, int quantity) {
        ObjectNode payload = Http.JSON.createObjectNode();
        payload.put("orderId", orderId.toString());
        payload.put("customerId", UUID.randomUUID().toString());
        ArrayNode lines = payload.putArray("lines");
        lines.addObject().put("productId", productId.toString()).put("quantity", quantity);
        return envelope("OrderPlaced", 1, "orders", "Order", orderId, 1L, payload);
    }

    /** An event of orders the tap saw, written again as it was: same id, correlation, aggregate and payload. */
    static ObjectNode againOf(Tap.Tapped message) {
        ObjectNode envelope = envelope(message.type(), 1, "orders", "Order", UUID.fromString(message.aggregateId()),
                message.aggregateVersion(), (ObjectNode) message.payload());
        envelope.put("id", message.messageId());
        ((ObjectNode) envelope.path("metadata")).put("correlationId", message.correlationId());
        return envelope;
    }

    static ObjectNode orderCancelled(UUID orderId) {
        ObjectNode payload = Http.JSON.createObjectNode().put("orderId", orderId.toString());
        return envelope("OrderCancelled", 1, "orders", "Order", orderId, 2L, payload);
    }

    static ObjectNode productChanged(String type, UUID productId, String name, BigDecimal price, long catalogVersion) {
        ObjectNode payload = Http.JSON.createObjectNode();
        payload.put("productId", productId.toString());
        payload.put("name", name);
        payload.put("price", price);
        payload.put("category", "faults");
        return envelope(type, 2, "catalog", "Product", productId, catalogVersion, payload);
    }

    /** Publishes an envelope to its publisher's exchange with the relay's routing key and properties. */
    static String publish(ObjectNode envelope) throws IOException, TimeoutException, InterruptedException {
        String publisher = envelope.path("metadata").path("publisher").asText();
        String routingKey = envelope.path("type").asText() + ".v" + envelope.path("metadata").path("schemaVersion").asInt();
        return publish(publisher + ".events", routingKey, envelope);
    }

    static String publish(String exchange, String routingKey, ObjectNode envelope)
            throws IOException, TimeoutException, InterruptedException {
        String id = envelope.path("id").asText();
        publishRaw(exchange, routingKey, properties(id, envelope.path("type").asText(), Map.of()),
                Http.JSON.writeValueAsBytes(envelope));
        return id;
    }

    /** Publishes to a context's exchange ({@code <context>.events}) as that context, stamped with its user-id. */
    static void publishRaw(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        String owner = exchange.substring(0, exchange.indexOf('.'));
        publishAs(owner, exchange, routingKey, properties.builder().userId(owner).build(), body);
    }

    private static void publishAs(String user, String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        try (Connection connection = LocalBroker.connectAs(user, "fault-suite-publisher", Cluster.VIRTUAL_HOST);
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, true, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /**
     * Puts a message into a service's DLQ as if the service had dead-lettered it there long ago: with
     * its own user, through its dead-letter exchange, with the headers it writes: why, and where the
     * message first came from (the exchange's owner as the user-id it came with).
     */
    static void deadLetterDirectly(String subscriber, ObjectNode envelope, String originalExchange)
            throws IOException, TimeoutException, InterruptedException {
        String routingKey = envelope.path("type").asText() + ".v" + envelope.path("metadata").path("schemaVersion").asInt();
        Map<String, Object> headers = new HashMap<>();
        headers.put("x-dead-letter-reason", "dead-lettered earlier by the fault suite");
        headers.put("x-original-exchange", originalExchange);
        headers.put("x-original-user-id", originalExchange.substring(0, originalExchange.indexOf('.')));
        headers.put("x-original-routing-key", routingKey);
        publishAs(subscriber, subscriber + ".integration-events.dlx", routingKey,
                properties(envelope.path("id").asText(), envelope.path("type").asText(), headers).builder().userId(subscriber).build(),
                Http.JSON.writeValueAsBytes(envelope));
    }

    private static AMQP.BasicProperties properties(String messageId, String type, Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .type(type)
                .contentType("application/json")
                .deliveryMode(2)
                .headers(headers)
                .build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
