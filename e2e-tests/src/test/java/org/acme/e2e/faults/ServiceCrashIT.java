package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Each service is killed ({@code kill -9}) ten times at random moments under load, and restarted at
 * once. With 10 ms on the wire each way between the services and the broker, a kill very likely
 * falls after the broker took a message but before the relay marked its row, or after a subscriber
 * committed but before its ack arrived: every event must still be applied exactly once.
 */
class ServiceCrashIT {

    private static final int LOAD = 20;
    private static final int KILLS = 10;

    @Test
    void eachServiceKilledTenTimesAtRandomMoments_everyEventIsAppliedExactlyOnce() throws Exception {
        try (Scenario scenario = Scenario.start("services-killed")) {
            scenario.cluster().brokerLink().lag(10);
            scenario.load(LOAD);
            Thread.sleep(3_000);

            ExecutorService killers = Executors.newFixedThreadPool(Cluster.SERVICES.size());
            List<Future<Integer>> kills = new ArrayList<>();
            for (String name : Cluster.SERVICES) {
                ServiceProcess service = scenario.cluster().instances(name).get(0);
                kills.add(killers.submit(() -> killRepeatedly(scenario.cluster(), service, new Random(name.hashCode()))));
            }
            int killed = 0;
            for (Future<Integer> kill : kills) {
                killed += kill.get();
            }
            killers.shutdown();
            scenario.cluster().brokerLink().lag(0);
            Instant lastRestart = Instant.now();
            Thread.sleep(5_000);

            scenario.tap().read();
            long republished = scenario.tap().duplicates();
            long redelivered = 0;
            for (String subscriber : List.of("orders", "inventory")) {
                redelivered += scenario.cluster().broker().queue(subscriber + ".integration-events")
                        .map(BrokerManagement.QueueStats::redelivered).orElse(0L);
            }
            scenario.measure("kills", killed);
            scenario.measure("messages a relay published again after a kill", republished);
            scenario.measure("messages redelivered to a subscriber after a kill", redelivered);
            scenario.finish("Each service killed 10 times at random moments under load",
                    LOAD + " commands/s, 10 ms broker latency each way during the kills",
                    KILLS + " × kill -9 of each of the 3 services, each restarted at once", lastRestart,
                    Duration.ofSeconds(90), 0);

            assertThat(killed).isEqualTo(KILLS * Cluster.SERVICES.size());
            assertThat(republished).as("a relay was killed between the broker's confirm and marking the row").isPositive();
            assertThat(redelivered).as("a subscriber was killed before its ack reached the broker").isPositive();
        }
    }

    private static int killRepeatedly(Cluster cluster, ServiceProcess service, Random random) throws Exception {
        for (int i = 0; i < KILLS; i++) {
            Thread.sleep(500 + random.nextInt(2_500));
            cluster.crashAndRestart(service);
        }
        return KILLS;
    }
}
