package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Orders and inventory run as two instances each: one relay leads per service (per-aggregate
 * order holds on the broker) and one consumer is active per queue. The leaders are killed; the
 * other instances take over, and the time that takes is measured.
 */
class TwoInstancesIT {

    private static final int LOAD = 20;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @Test
    void withTwoInstances_orderHolds_andWhenTheLeaderIsKilledTheOtherTakesOver() throws Exception {
        try (Scenario scenario = Scenario.start("two-instances", 1, 2, 2)) {
            scenario.load(LOAD);
            Thread.sleep(5_000);

            Instant killed = Instant.now();
            ServiceProcess ordersSurvivor = killLeader(scenario, "orders");
            ServiceProcess inventorySurvivor = killLeader(scenario, "inventory");
            Duration ordersTakeover = awaitLeading(ordersSurvivor, killed);
            Duration inventoryTakeover = awaitLeading(inventorySurvivor, killed);
            Instant tookOver = Instant.now();
            Thread.sleep(5_000);

            scenario.measure("orders relay failover (s)", seconds(ordersTakeover));
            scenario.measure("inventory relay failover (s)", seconds(inventoryTakeover));
            scenario.finish("Two instances of orders and of inventory; the leaders killed",
                    LOAD + " commands/s spread over the instances",
                    "kill -9 of the leading orders and inventory instances (not restarted)", tookOver,
                    Duration.ofSeconds(90), 0);

            assertThat(ordersTakeover).as("the other orders instance leads within %s", TAKEOVER_LIMIT).isLessThan(TAKEOVER_LIMIT);
            assertThat(inventoryTakeover).as("the other inventory instance leads within %s", TAKEOVER_LIMIT).isLessThan(TAKEOVER_LIMIT);
        }
    }

    /** Kills the instance whose relay leads and answers the other one. */
    private static ServiceProcess killLeader(Scenario scenario, String name) throws InterruptedException {
        List<ServiceProcess> instances = scenario.cluster().instances(name);
        ServiceProcess leader = instances.stream().filter(Messaging::leads).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " instance leads its relay"));
        assertThat(instances.stream().filter(Messaging::leads).count()).as("exactly one %s relay leads", name).isEqualTo(1);
        leader.kill();
        return instances.stream().filter(instance -> instance != leader).findFirst().orElseThrow();
    }

    private static Duration awaitLeading(ServiceProcess survivor, Instant since) throws InterruptedException {
        while (!Messaging.leads(survivor)) {
            if (Duration.between(since, Instant.now()).compareTo(TAKEOVER_LIMIT) > 0) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(100);
        }
        return Duration.between(since, Instant.now());
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
