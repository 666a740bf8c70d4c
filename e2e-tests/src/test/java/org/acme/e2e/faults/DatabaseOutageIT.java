package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL crashes under load: commands are refused fast with 503 (not 500, not a hang), no
 * message is dead-lettered for it, and everything catches up once it is back.
 */
class DatabaseOutageIT {

    private static final int LOAD = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void postgresStoppedForTwentySeconds_refusesFastWith503_deadLettersNothing_andCatchesUp() throws Exception {
        try (Scenario scenario = Scenario.start("postgres-stopped")) {
            Workload workload = scenario.load(LOAD);
            Thread.sleep(3_000);

            Instant stopped = Instant.now();
            LocalServers.stopPostgresImmediately();
            Thread.sleep(OUTAGE.toMillis());
            Instant restarting = Instant.now();
            LocalServers.startPostgres();
            Instant restarted = Instant.now();
            Thread.sleep(3_000);

            // Commands sent while the database was surely down, early enough to be answered before it returned.
            List<Operation> duringOutage = workload.operations().stream()
                    .filter(operation -> operation.sentAt().isAfter(stopped.plusSeconds(1))
                            && operation.sentAt().isBefore(restarting.minusSeconds(2)))
                    .toList();
            long refused = duringOutage.stream().filter(operation -> operation.status() == 503).count();
            Duration slowest = duringOutage.stream().map(Operation::latency).max(Duration::compareTo).orElse(Duration.ZERO);
            scenario.measure("commands during the outage", duringOutage.size());
            scenario.measure("answered 503", refused);
            scenario.measure("slowest answer during the outage (ms)", slowest.toMillis());

            Scenario.Result result = scenario.finish("PostgreSQL stopped " + OUTAGE.toSeconds() + " s under load (-m immediate)",
                    LOAD + " commands/s", "pg_ctlcluster stop -m immediate, " + OUTAGE.toSeconds() + " s, start", restarted,
                    Duration.ofSeconds(60), 0);

            assertThat(duringOutage).as("the workload ran during the outage").hasSizeGreaterThan(20);
            assertThat(duringOutage).as("every command during the outage is refused with 503 problem+json")
                    .allSatisfy(operation -> {
                        assertThat(operation.status()).as("%s %s", operation.kind(), operation.correlationId()).isEqualTo(503);
                        assertThat(operation.contentType()).startsWith("application/problem+json");
                    });
            assertThat(slowest).as("refused within 2 s").isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(result.deadLettered()).as("nothing is dead-lettered because the database was away").isZero();
        }
    }
}
