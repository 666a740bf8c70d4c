package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.testing.LocalBroker;
import org.junit.jupiter.api.Test;

/**
 * Poison of every kind reaches the subscribers under load. Each message is dead-lettered once, with
 * its reason; the traffic around it is not held up; and no relay gets stuck on what a foreign event
 * carried into its own outbox.
 */
class PoisonIT {

    private static final int LOAD = 10;
    private static final Duration HOLD_UP_LIMIT = Duration.ofSeconds(5);

    /** One poisonous message: where it lands, and a word its dead-letter reason must contain. */
    private record Poison(String id, List<String> deadLetteredBy, String reasonMentions) {
    }

    @Test
    void poisonOfEveryKind_isDeadLetteredOnceWithItsReason_andHoldsNothingUp() throws Exception {
        try (Scenario scenario = Scenario.start("poison")) {
            scenario.load(LOAD);
            Thread.sleep(3_000);
            UUID product = scenario.shop().products().get(0).id();

            List<Poison> poisons = new ArrayList<>();
            String broken = UUID.randomUUID().toString();
            ForeignPublisher.publishRaw("orders.events", "OrderPlaced.v1", properties(broken, "OrderPlaced"),
                    ForeignPublisher.utf8("{\"id\": \"" + broken + "\", \"type\": \"OrderPlaced\", \"payl"));
            poisons.add(new Poison(broken, List.of("inventory"), "malformed"));

            ObjectNode schemaBreaking = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) schemaBreaking.path("payload").path("lines").get(0)).put("quantity", "a few");
            poisons.add(new Poison(ForeignPublisher.publish(schemaBreaking), List.of("inventory"), "schema"));

            ObjectNode unknownVersion = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) unknownVersion.path("metadata")).put("schemaVersion", 9);
            poisons.add(new Poison(ForeignPublisher.publish(unknownVersion), List.of("inventory"), "version"));

            ObjectNode unknownType = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            unknownType.put("type", "OrderTeleported");
            poisons.add(new Poison(ForeignPublisher.publish("orders.events", "OrderPlaced.v1", unknownType),
                    List.of("inventory"), "type"));

            ObjectNode wrongExchange = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            poisons.add(new Poison(ForeignPublisher.publish("catalog.events", "ProductAdded.v2", wrongExchange),
                    List.of("orders", "inventory"), "catalog.events"));

            ObjectNode longCorrelation = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) longCorrelation.path("metadata")).put("correlationId", "c".repeat(300));
            poisons.add(new Poison(ForeignPublisher.publish(longCorrelation), List.of("inventory"), "correlation"));
            Instant injected = Instant.now();

            Duration saga = timeToConfirm(scenario);
            Map<String, Duration> relays = timeToPublish(scenario);
            scenario.measure("poison messages", poisons.size());
            scenario.measure("an order placed right after the poison, confirmed in (ms)", saga.toMillis());
            relays.forEach((service, took) -> scenario.measure(service + " relay published a probe in (ms)", took.toMillis()));
            long expected = poisons.stream().mapToLong(poison -> poison.deadLetteredBy().size()).sum();
            scenario.finish("Poison of every kind", LOAD + " commands/s",
                    "broken JSON, schema violation, unknown version, unknown type, an event on the wrong publisher's exchange,"
                            + " a 300-byte correlation id", injected, Duration.ofSeconds(60), expected);

            assertThat(saga).as("traffic after the poison is not held up").isLessThan(HOLD_UP_LIMIT);
            assertThat(relays).as("no relay is stuck").allSatisfy((service, took) -> assertThat(took).isLessThan(HOLD_UP_LIMIT));
            Map<String, List<String>> reasons = deadLetterReasons();
            for (Poison poison : poisons) {
                for (String subscriber : poison.deadLetteredBy()) {
                    assertThat(reasons.getOrDefault(subscriber + "/" + poison.id(), List.of()))
                            .as("%s dead-lettered %s once, saying why", subscriber, poison.id())
                            .singleElement().asString().containsIgnoringCase(poison.reasonMentions());
                }
            }
        }
    }

    /** How long an order placed now takes to be confirmed. */
    private static Duration timeToConfirm(Scenario scenario) throws InterruptedException {
        Http http = new Http(Duration.ofSeconds(5));
        Instant start = Instant.now();
        Http.Answer placed = http.post(scenario.cluster().url("orders") + "/orders", Map.of("customerId", UUID.randomUUID(),
                "lines", List.of(Map.of("productId", scenario.shop().products().get(1).id(), "quantity", 1))), "probe-" + UUID.randomUUID());
        assertThat(placed.status()).isEqualTo(201);
        String url = scenario.cluster().url("orders") + "/orders/" + placed.body().path("id").asText();
        while (!"CONFIRMED".equals(http.get(url).body().path("status").asText())
                && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    /** How long each service's relay takes to publish the event of a command sent now. */
    private static Map<String, Duration> timeToPublish(Scenario scenario) throws Exception {
        Http http = new Http(Duration.ofSeconds(5));
        UUID product = scenario.shop().products().get(2).id();
        Map<String, String> probes = new LinkedHashMap<>();
        String catalogProbe = "probe-" + UUID.randomUUID();
        assertThat(http.put(scenario.cluster().url("catalog") + "/products/" + product,
                Map.of("name", "Probe", "price", 12.34, "category", "faults"), catalogProbe).ok()).isTrue();
        probes.put("catalog:ProductUpdated", catalogProbe);
        String inventoryProbe = "probe-" + UUID.randomUUID();
        assertThat(http.post(scenario.cluster().url("inventory") + "/stock/" + product + "/adjustments",
                Map.of("delta", 1, "reason", "probe"), inventoryProbe).ok()).isTrue();
        probes.put("inventory:StockAdjusted", inventoryProbe);
        Instant start = Instant.now();
        Map<String, Duration> took = new HashMap<>();
        while (took.size() < probes.size() && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            scenario.tap().read();
            probes.forEach((what, correlation) -> {
                String service = what.split(":")[0];
                if (!took.containsKey(service) && !scenario.tap().caused(correlation, what.split(":")[1]).isEmpty()) {
                    took.put(service, Duration.between(start, Instant.now()));
                }
            });
            Thread.sleep(50);
        }
        probes.keySet().forEach(what -> took.putIfAbsent(what.split(":")[0], Duration.between(start, Instant.now())));
        return took;
    }

    /** Every dead letter's reason, by subscriber and message id. */
    private static Map<String, List<String>> deadLetterReasons() throws Exception {
        Map<String, List<String>> reasons = new HashMap<>();
        try (Connection connection = LocalBroker.connect("fault-suite-dlq", Cluster.VIRTUAL_HOST);
             Channel channel = connection.createChannel()) {
            for (String subscriber : List.of("orders", "inventory")) {
                GetResponse message;
                while ((message = channel.basicGet(subscriber + ".integration-events.dlq", false)) != null) {
                    Object reason = message.getProps().getHeaders() == null ? null
                            : message.getProps().getHeaders().get("x-dead-letter-reason");
                    reasons.computeIfAbsent(subscriber + "/" + message.getProps().getMessageId(), key -> new ArrayList<>())
                            .add(String.valueOf(reason));
                }
            }
        }
        return reasons;
    }

    private static AMQP.BasicProperties properties(String id, String type) {
        return new AMQP.BasicProperties.Builder().messageId(id).type(type).contentType("application/json").deliveryMode(2).build();
    }
}
