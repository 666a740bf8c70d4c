package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Poison of every kind reaches the subscribers under load. Each message is dead-lettered once, with
 * its reason, as the operators' dead-letter API lists it; the traffic around it is not held up; and no relay gets stuck on what a foreign event
 * carried into its own outbox.
 */
class PoisonIT {

    private static final int LOAD = 10;
    private static final Duration HOLD_UP_LIMIT = Duration.ofSeconds(5);

    /** One poisonous message: which subscribers dead-letter it, and what each one's reason must mention. */
    private record Poison(String id, Map<String, String> reasonMentions) {

        Poison(String id, String subscriber, String reasonMentions) {
            this(id, Map.of(subscriber, reasonMentions));
        }
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
            poisons.add(new Poison(broken, "inventory", "malformed"));

            ObjectNode schemaBreaking = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) schemaBreaking.path("payload").path("lines").get(0)).put("quantity", "a few");
            poisons.add(new Poison(ForeignPublisher.publish(schemaBreaking), "inventory", "schema"));

            ObjectNode unknownVersion = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) unknownVersion.path("metadata")).put("schemaVersion", 9);
            poisons.add(new Poison(ForeignPublisher.publish(unknownVersion), "inventory", "version"));

            ObjectNode unknownType = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            unknownType.put("type", "OrderTeleported");
            poisons.add(new Poison(ForeignPublisher.publish("orders.events", "OrderPlaced.v1", unknownType), "inventory", "type"));

            ObjectNode wrongExchange = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            // Inventory reads OrderPlaced, only from orders' exchange; orders does not read it at all.
            poisons.add(new Poison(ForeignPublisher.publish("catalog.events", "ProductAdded.v2", wrongExchange),
                    Map.of("inventory", "arrived through catalog.events", "orders", "unknown event type")));

            ObjectNode longCorrelation = ForeignPublisher.orderPlaced(UUID.randomUUID(), product, 1);
            ((ObjectNode) longCorrelation.path("metadata")).put("correlationId", "c".repeat(300));
            poisons.add(new Poison(ForeignPublisher.publish(longCorrelation), "inventory", "correlation"));
            Instant injected = Instant.now();

            Duration saga = timeToConfirm(scenario);
            Map<String, Duration> relays = timeToPublish(scenario);
            scenario.measure("poison messages", poisons.size());
            scenario.measure("an order placed right after the poison, confirmed in (ms)", saga.toMillis());
            relays.forEach((service, took) -> scenario.measure(service + " relay published a probe in (ms)", took.toMillis()));
            long expected = poisons.stream().mapToLong(poison -> poison.reasonMentions().size()).sum();
            scenario.finish("Poison of every kind", LOAD + " commands/s",
                    "broken JSON, schema violation, unknown version, unknown type, an event on the wrong publisher's exchange,"
                            + " a 300-byte correlation id", injected, Duration.ofSeconds(60), expected);

            assertThat(saga).as("traffic after the poison is not held up").isLessThan(HOLD_UP_LIMIT);
            assertThat(relays).as("no relay is stuck").allSatisfy((service, took) -> assertThat(took).isLessThan(HOLD_UP_LIMIT));
            for (Poison poison : poisons) {
                for (Map.Entry<String, String> mention : poison.reasonMentions().entrySet()) {
                    assertThat(scenario.cluster().deadLetters(mention.getKey()).ofMessage(poison.id()))
                            .as("%s dead-lettered %s once, saying why", mention.getKey(), poison.id())
                            .singleElement().extracting(letter -> letter.path("reason").asText()).asString()
                            .containsIgnoringCase(mention.getValue());
                }
            }
        }
    }

    /** How long an order placed now takes to be confirmed. */
    private static Duration timeToConfirm(Scenario scenario) throws InterruptedException {
        Http http = new Http(Duration.ofSeconds(5));
        Instant start = Instant.now();
        Operation placed = scenario.workload().placeOrder(Map.of(scenario.shop().products().get(1).id(), 1));
        assertThat(placed.status()).isEqualTo(201);
        String url = scenario.cluster().url("orders") + "/orders/" + placed.subject();
        while (!"CONFIRMED".equals(http.get(url).body().path("status").asText())
                && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    /** How long each service's relay takes to publish the event of a command sent now. */
    private static Map<String, Duration> timeToPublish(Scenario scenario) throws Exception {
        UUID product = scenario.shop().products().get(2).id();
        Map<String, Operation> probes = new LinkedHashMap<>();
        probes.put("catalog:ProductUpdated", accepted(() -> scenario.workload().updateProduct(product, new BigDecimal("12.34"))));
        probes.put("inventory:StockAdjusted", accepted(() -> scenario.workload().adjustStock(product, 1)));
        Instant start = Instant.now();
        Map<String, Duration> took = new HashMap<>();
        while (took.size() < probes.size() && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            scenario.tap().read();
            probes.forEach((what, probe) -> {
                String service = what.split(":")[0];
                if (!took.containsKey(service) && !scenario.tap().caused(probe.correlationId(), what.split(":")[1]).isEmpty()) {
                    took.put(service, Duration.between(start, Instant.now()));
                }
            });
            Thread.sleep(50);
        }
        probes.keySet().forEach(what -> took.putIfAbsent(what.split(":")[0], Duration.between(start, Instant.now())));
        return took;
    }

    /** A probe command, sent again while it loses a race with the workload on the same product (409). */
    private static Operation accepted(java.util.function.Supplier<Operation> command) {
        Operation operation = command.get();
        for (int attempt = 1; attempt < 5 && operation.status() == 409; attempt++) {
            operation = command.get();
        }
        assertThat(operation.outcome()).as("probe %s", operation).isEqualTo(Operation.Outcome.OK);
        return operation;
    }

    private static AMQP.BasicProperties properties(String id, String type) {
        return new AMQP.BasicProperties.Builder().messageId(id).type(type).contentType("application/json").deliveryMode(2).build();
    }
}
