package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.acme.e2e.DeadLetterDesk;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Someone deletes what the services declared on the broker: a subscriber's queue, a publisher's
 * exchange (and with it every binding to it), a DLQ. Each is declared again within 30 s, or the
 * service says DOWN; nothing sent afterwards is lost, and a poison message finds its DLQ again.
 * The load pauses and drains before each deletion: what a deleted queue held is deleted with it by
 * the broker, which no service can prevent (the publishers' outboxes keep it for a replay).
 */
class TopologyLossIT {

    private static final Duration REDECLARED_WITHIN = Duration.ofSeconds(30);

    @Test
    void deletedQueuesAndExchanges_areDeclaredAgain_andNothingIsSilentlyLost() throws Exception {
        try (Scenario scenario = Scenario.start("topology-lost")) {
            BrokerManagement broker = scenario.cluster().broker();
            ServiceProcess inventory = scenario.cluster().instances("inventory").get(0);
            Workload workload = scenario.load(10);
            Thread.sleep(3_000);

            drainThenDelete(scenario, () -> broker.deleteQueue("inventory.integration-events"));
            Duration queue = recovered(inventory, () -> broker.queue("inventory.integration-events")
                    .filter(stats -> stats.consumers() > 0).isPresent()
                    && broker.bound("inventory.integration-events", "orders.events", "OrderPlaced.*"));

            workload.resume();
            Thread.sleep(3_000);
            drainThenDelete(scenario, () -> broker.deleteExchange("orders.events"));
            Duration exchange = recovered(inventory, () -> broker.exchangeExists("orders.events")
                    && broker.bound("inventory.integration-events", "orders.events", "OrderPlaced.*"));
            scenario.tap().bind(); // the suite's own binding went with the exchange too

            workload.resume();
            Thread.sleep(3_000);
            drainThenDelete(scenario, () -> broker.deleteQueue("inventory.integration-events.dlq"));
            workload.resume();
            ObjectNode poison = ForeignPublisher.orderPlaced(UUID.randomUUID(), scenario.shop().products().get(0).id(), 1);
            ((ObjectNode) poison.path("metadata")).put("schemaVersion", 9);
            ForeignPublisher.publish(poison);
            DeadLetterDesk deadLetters = scenario.cluster().deadLetters("inventory");
            Duration deadLetterQueue = recovered(inventory, () -> broker.queue("inventory.integration-events.dlq").isPresent()
                    && kept(deadLetters, poison.path("id").asText()));
            Instant recoveredAt = Instant.now();
            Thread.sleep(5_000);

            scenario.measure("subscriber queue declared again in (s)", seconds(queue));
            scenario.measure("exchange and its bindings declared again in (s)", seconds(exchange));
            scenario.measure("DLQ declared again and the poison through it, kept for the operator, in (s)", seconds(deadLetterQueue));
            scenario.finish("Topology lost", "10 commands/s, paused and drained before each deletion",
                    "deleted: inventory's queue, the orders exchange (and its bindings), inventory's DLQ (then a poison message)",
                    recoveredAt, Duration.ofSeconds(60), 1);

            assertThat(queue).as("inventory's queue is consumed again").isLessThanOrEqualTo(REDECLARED_WITHIN);
            assertThat(exchange).as("the exchange and inventory's binding are back").isLessThanOrEqualTo(REDECLARED_WITHIN);
            assertThat(deadLetterQueue).as("the DLQ is back, and the poison came through it").isLessThanOrEqualTo(REDECLARED_WITHIN);
        }
    }

    private static void drainThenDelete(Scenario scenario, Runnable deletion) throws InterruptedException {
        scenario.workload().pause();
        scenario.awaitDrained();
        deletion.run();
    }

    /**
     * How long until the topology is back; if it is not back within the limit, the service must at
     * least have said DOWN in the meantime (otherwise the loss would be silent): that is answered as
     * the limit, and anything over it fails the scenario.
     */
    private static Duration recovered(ServiceProcess service, BooleanSupplier back) throws InterruptedException {
        Instant start = Instant.now();
        boolean saidDown = false;
        while (!back.getAsBoolean()) {
            saidDown |= !Messaging.up(service);
            Duration waited = Duration.between(start, Instant.now());
            if (waited.compareTo(REDECLARED_WITHIN) > 0) {
                return saidDown ? REDECLARED_WITHIN : waited;
            }
            Thread.sleep(200);
        }
        return Duration.between(start, Instant.now());
    }

    private static boolean kept(DeadLetterDesk deadLetters, String messageId) {
        try {
            return !deadLetters.ofMessage(messageId).isEmpty();
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
