package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.acme.e2e.Meters;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * A subscriber applies the messages in hand together, in one transaction per batch (decision 0019).
 * Here inventory is killed ({@code kill -9}) while it works off a backlog in batches: it is stopped
 * for a few seconds under load, so that a backlog builds, started again, and killed at a random moment
 * (up to half a second) after it has committed its first batch, while the next ones are being applied.
 * The batch cut short is rolled back by PostgreSQL, its messages come again, and the inbox knows the
 * ones whose batch had committed before the kill but was not acknowledged: every event must still be
 * applied exactly once, in order. (Killed at the same point of the queue every time, the messages in
 * hand there would come back five times, reach the queue's delivery limit and be dead-lettered, as a
 * message that kills its consumer again and again should be: not what this scenario is about.)
 */
class BatchCrashIT {

    private static final int LOAD = 30;
    private static final int KILLS = 5;
    private static final String BATCHES = "subscription_batch_size_messages_count";

    @Test
    void inventoryKilledWhileApplyingBatches_everyEventIsAppliedExactlyOnce() throws Exception {
        try (Scenario scenario = Scenario.start("killed-mid-batch")) {
            scenario.cluster().brokerLink().lag(5);
            scenario.load(LOAD);
            Thread.sleep(3_000);
            ServiceProcess inventory = scenario.cluster().instances("inventory").get(0);

            Random random = new Random(42);
            int killedMidBacklog = 0;
            double batchesBeforeKills = 0;
            for (int i = 0; i < KILLS; i++) {
                inventory.kill();
                Thread.sleep(3_000);
                inventory.restart();
                double batches = awaitFirstBatch(inventory, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(500));
                inventory.kill();
                batchesBeforeKills += batches;
                killedMidBacklog += batches > 0 ? 1 : 0;
                inventory.restart();
                inventory.awaitHealthy(Duration.ofSeconds(60));
            }
            scenario.cluster().brokerLink().lag(0);
            Instant lastRestart = Instant.now();
            Thread.sleep(5_000);

            long redelivered = scenario.cluster().broker().queue("inventory.integration-events")
                    .map(BrokerManagement.QueueStats::redelivered).orElse(0L);
            scenario.measure("kills after a batch committed, the backlog still being applied", killedMidBacklog);
            scenario.measure("batches committed before those kills", (long) batchesBeforeKills);
            scenario.measure("messages redelivered to inventory after a kill", redelivered);
            scenario.finish("Inventory killed while it applies a backlog in batches",
                    LOAD + " commands/s, 5 ms broker latency each way during the kills",
                    KILLS + " × inventory stopped 3 s (a backlog builds), started, and killed (kill -9) once it has"
                            + " committed its first batch (up to 0.5 s after)", lastRestart, Duration.ofSeconds(90), 0);

            assertThat(killedMidBacklog).as("every kill came after a batch of two or more had committed").isEqualTo(KILLS);
            assertThat(redelivered).as("messages in hand, in a batch or waiting for one, came again after a kill").isPositive();
        }
    }

    /**
     * Polls the service's meters until it has committed a batch of two or more messages, and answers
     * how many it has; 0 if none came in time (the kill then proves nothing about batches).
     */
    private static double awaitFirstBatch(ServiceProcess service, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            double batches = service.isAlive() ? Meters.value(service.managementUrl(), BATCHES).orElse(0) : 0;
            if (batches > 0) {
                return batches;
            }
            Thread.sleep(10);
        }
        return 0;
    }
}
