package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.acme.e2e.DeadLetterDesk;
import org.junit.jupiter.api.Test;

/**
 * Events arrive in an order no well-behaved relay produces, or again: a cancellation before its
 * order, an older product version after a newer one, a dead letter redriven long after the events
 * that followed it, a message applied long ago replayed. The read models must end as if every event
 * had arrived once, in order.
 */
class OutOfOrderIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Test
    void eventsOutOfOrderAndReplayed_leaveTheReadModelsAsIfDeliveredInOrder() throws Exception {
        try (Scenario scenario = Scenario.start("out-of-order")) {
            scenario.load(5);
            Http http = new Http(Duration.ofSeconds(5));
            UUID product = scenario.shop().products().get(0).id();

            // An order cancelled before inventory heard of its placement: nothing stays reserved.
            UUID cancelledFirst = UUID.randomUUID();
            ForeignPublisher.publish(ForeignPublisher.orderCancelled(cancelledFirst));
            ForeignPublisher.publish(ForeignPublisher.orderPlaced(cancelledFirst, product, 2));

            // A product's version 3 before its version 2: both views keep version 3.
            UUID renamed = UUID.randomUUID();
            ForeignPublisher.publish(ForeignPublisher.productChanged("ProductAdded", renamed, "Renamed v1", new BigDecimal("5.00"), 1));
            ForeignPublisher.publish(ForeignPublisher.productChanged("ProductUpdated", renamed, "Renamed v3", new BigDecimal("7.00"), 3));
            ForeignPublisher.publish(ForeignPublisher.productChanged("ProductUpdated", renamed, "Renamed v2", new BigDecimal("6.00"), 2));

            // A placement dead-lettered long ago, redriven after its cancellation was handled.
            UUID redrivenLate = UUID.randomUUID();
            ObjectNode latePlacement = ForeignPublisher.orderPlaced(redrivenLate, product, 3);
            ForeignPublisher.deadLetterDirectly("inventory", latePlacement, "orders.events");
            ForeignPublisher.publish(ForeignPublisher.orderCancelled(redrivenLate));
            Queues.awaitConsumed("inventory", PROPAGATION);

            // A placement inventory applied long ago, replayed through the DLQ: the inbox knows it.
            scenario.tap().read();
            ObjectNode applied = scenario.tap().messages().values().stream()
                    .filter(message -> "OrderPlaced".equals(message.type()))
                    .findFirst()
                    .map(message -> ForeignPublisher.againOf(message))
                    .orElseThrow(() -> new AssertionError("the workload placed no order yet"));
            ForeignPublisher.deadLetterDirectly("inventory", applied, "orders.events");
            DeadLetterDesk deadLetters = scenario.cluster().deadLetters("inventory");
            // The operator redrives both once the service has kept them (the DLQ drained into its store).
            await().atMost(PROPAGATION).until(() -> !deadLetters.ofMessage(latePlacement.path("id").asText()).isEmpty()
                    && !deadLetters.ofMessage(applied.path("id").asText()).isEmpty());
            int redriven = deadLetters.redriveAll();
            Queues.awaitConsumed("inventory", PROPAGATION);
            Instant injected = Instant.now();

            await().atMost(PROPAGATION).untilAsserted(() -> {
                assertThat(http.get(scenario.cluster().url("orders") + "/products/" + renamed).body().path("name").asText())
                        .isEqualTo("Renamed v3");
                assertThat(http.get(scenario.cluster().url("inventory") + "/stock/" + renamed).body().path("name").asText())
                        .isEqualTo("Renamed v3");
            });
            scenario.measure("events published out of order or again", 8);
            scenario.measure("dead letters redriven", redriven);
            scenario.finish("Events out of order and replayed", "5 commands/s, plus 8 events published by the suite",
                    "cancel before place; product v3 before v2; a placement redriven from the DLQ after its cancellation;"
                            + " an applied placement replayed", injected, Duration.ofSeconds(60), 0);

            assertThat(redriven).isEqualTo(2);
            assertThat(http.get(scenario.cluster().url("orders") + "/products/" + renamed).body().path("price").decimalValue())
                    .isEqualByComparingTo("7.00");
        }
    }
}
