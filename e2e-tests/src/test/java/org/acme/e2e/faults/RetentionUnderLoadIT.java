package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.acme.e2e.Meters;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Retention purges while the saga runs. With published outbox rows and inbox rows kept 20 s (not 7
 * and 14 days) and the job every 2 s, rows are deleted batch after batch under load, beside the
 * relays and the subscribers; and an event delivered again while its inbox row is still kept is
 * skipped. Nothing is lost, nothing applied twice. (An event delivered again after its inbox row was
 * purged would be applied again: the documented limit, which is why the inbox keeps 14 days.)
 */
class RetentionUnderLoadIT {

    private static final int LOAD = 20;
    private static final Duration RUN = Duration.ofSeconds(45);
    private static final Map<String, String> SHORT_RETENTION = Map.of(
            "INTEGRATION_EVENTS_RETENTION_INTERVAL", "2s",
            "INTEGRATION_EVENTS_OUTBOX_RETENTION", "20s",
            "INTEGRATION_EVENTS_INBOX_RETENTION", "20s");

    @Test
    void purgingTheOutboxAndTheInbox_underLoad_losesNothing_andAppliesNothingTwice() throws Exception {
        try (Scenario scenario = Scenario.start("retention-under-load", SHORT_RETENTION)) {
            scenario.load(LOAD);
            Thread.sleep(RUN.toMillis());

            // A placement inventory applied a few seconds ago, delivered again: its inbox row is still kept.
            scenario.tap().read();
            Tap.Tapped recent = scenario.tap().inOrder().stream()
                    .filter(message -> "OrderPlaced".equals(message.type())).reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("the workload placed no order"));
            ForeignPublisher.publish(ForeignPublisher.againOf(recent));
            Instant redelivered = Instant.now();

            long outboxPurged = purged(scenario, "outbox", "catalog", "orders", "inventory");
            long inboxPurged = purged(scenario, "inbox", "orders", "inventory");
            scenario.measure("published outbox rows purged (kept 20 s)", outboxPurged);
            scenario.measure("inbox rows purged (kept 20 s)", inboxPurged);
            scenario.finish("Retention purging under load", LOAD + " commands/s",
                    "outbox and inbox kept 20 s, purged every 2 s for " + RUN.toSeconds() + " s;"
                            + " an event applied seconds ago delivered again", redelivered, Duration.ofSeconds(60), 0);

            assertThat(outboxPurged).as("published outbox rows were purged under load").isPositive();
            assertThat(inboxPurged).as("inbox rows were purged under load").isPositive();
        }
    }

    /** Rows of the table the retention job purged, summed over the services, as their meters say. */
    private static long purged(Scenario scenario, String table, String... services) {
        long purged = 0;
        for (String service : services) {
            for (ServiceProcess instance : scenario.cluster().instances(service)) {
                purged += (long) Meters.value(instance.managementUrl(), "retention_purged_rows_total", "table=\"" + table + "\"")
                        .orElse(0);
            }
        }
        return purged;
    }
}
