package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.testing.LocalBroker;

/**
 * A durable queue of the suite's own on each publisher's exchange, bound to every routing key: it
 * sees every message each relay got confirmed, in the order the broker took them, duplicates
 * included. It is read like any consumer reads a queue, so it also survives broker restarts.
 */
final class Tap {

    /** One message the tap saw, with what the checker needs of its envelope. */
    record Tapped(String messageId, String exchange, String type, String outcome, String correlationId,
                  String aggregateId, Long aggregateVersion, JsonNode payload) {
    }

    private final List<String> exchanges;
    private final Map<String, Tapped> firstSeen = new LinkedHashMap<>();
    private final List<Tapped> inOrder = new ArrayList<>();
    private long duplicates;

    private Tap(List<String> exchanges) {
        this.exchanges = exchanges;
    }

    /** Binds a tap to each context's exchange; the services must have declared their exchanges already. */
    static Tap on(List<String> contexts) throws IOException, TimeoutException {
        Tap tap = new Tap(contexts.stream().map(context -> context + ".events").toList());
        tap.bind();
        return tap;
    }

    /** Binds the taps again: a deleted exchange takes the tap's binding with it, as any other. */
    void bind() throws IOException, TimeoutException {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            for (String exchange : exchanges) {
                channel.queueDeclare(queueOf(exchange), true, false, false, Map.of("x-queue-type", "quorum"));
                channel.queueBind(queueOf(exchange), exchange, "#");
            }
        }
    }

    /** Reads what arrived since the last read; safe to call repeatedly. */
    synchronized void read() throws IOException, TimeoutException {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            for (String exchange : exchanges) {
                GetResponse message;
                while ((message = channel.basicGet(queueOf(exchange), true)) != null) {
                    see(exchange, message);
                }
            }
        }
    }

    synchronized Map<String, Tapped> messages() {
        return Map.copyOf(firstSeen);
    }

    /** Every message in the order the tap took it, duplicates included. */
    synchronized List<Tapped> inOrder() {
        return List.copyOf(inOrder);
    }

    /** Messages the broker took more than once: a relay published them again after a crash or a lost confirm. */
    synchronized long duplicates() {
        return duplicates;
    }

    /** The accepted (or rejected) events of a type caused by one command, by its correlation id. */
    synchronized List<Tapped> caused(String correlationId, String type) {
        return firstSeen.values().stream()
                .filter(message -> correlationId.equals(message.correlationId()) && type.equals(message.type()))
                .toList();
    }

    synchronized Optional<Tapped> message(String messageId) {
        return Optional.ofNullable(firstSeen.get(messageId));
    }

    private void see(String exchange, GetResponse message) {
        String id = message.getProps().getMessageId();
        JsonNode envelope = parse(message.getBody());
        JsonNode metadata = envelope.path("metadata");
        Tapped tapped = new Tapped(id, exchange, envelope.path("type").asText(), metadata.path("outcome").asText(),
                metadata.path("correlationId").asText(null), metadata.path("aggregateId").asText(null),
                metadata.path("aggregateVersion").isNumber() ? metadata.path("aggregateVersion").asLong() : null,
                envelope.path("payload"));
        inOrder.add(tapped);
        if (firstSeen.putIfAbsent(id, tapped) != null) {
            duplicates++;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Http.JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String queueOf(String exchange) {
        return "tap." + exchange;
    }

    private static Connection connect() throws IOException, TimeoutException {
        return LocalBroker.connect("fault-suite-tap", Cluster.VIRTUAL_HOST);
    }
}
