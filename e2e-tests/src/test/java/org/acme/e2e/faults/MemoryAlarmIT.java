package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The broker raises its memory alarm for 20 s under load: it blocks every publisher. Commands are
 * still accepted, no outbox row is marked published without the broker's confirm (the checker
 * finds every published row on the broker), and the backlog drains once the alarm clears.
 */
class MemoryAlarmIT {

    private static final int LOAD = 20;
    private static final Duration ALARM = Duration.ofSeconds(20);

    @Test
    void brokerMemoryAlarmForTwentySeconds_marksNothingUnconfirmed_andTheBacklogDrains() throws Exception {
        try (Scenario scenario = Scenario.start("memory-alarm")) {
            Workload workload = scenario.load(LOAD);
            Thread.sleep(3_000);

            LocalServers.memoryAlarm(true);
            Instant raised = Instant.now();
            boolean alarmSeen = false;
            long backlog = 0;
            while (Duration.between(raised, Instant.now()).compareTo(ALARM) < 0) {
                alarmSeen |= scenario.cluster().broker().memoryAlarmRaised();
                backlog = Math.max(backlog, unpublished(scenario));
                Thread.sleep(1_000);
            }
            LocalServers.memoryAlarm(false);
            Instant cleared = Instant.now();
            Thread.sleep(3_000);

            long acceptedDuringAlarm = workload.count(operation -> operation.outcome() == Operation.Outcome.OK
                    && operation.sentAt().isAfter(raised) && operation.sentAt().isBefore(cleared));
            scenario.measure("largest outbox backlog during the alarm (rows)", backlog);
            scenario.measure("commands accepted during the alarm", acceptedDuringAlarm);
            scenario.finish("Broker memory alarm for " + ALARM.toSeconds() + " s under load", LOAD + " commands/s",
                    "rabbitmqctl set_vm_memory_high_watermark 0 for " + ALARM.toSeconds() + " s (every publisher blocked)", cleared,
                    Duration.ofSeconds(90), 0);

            assertThat(alarmSeen).as("the broker raised its memory alarm").isTrue();
            assertThat(backlog).as("events waited in the outboxes while publishers were blocked").isPositive();
            assertThat(acceptedDuringAlarm).as("commands are accepted during the alarm").isPositive();
        }
    }

    private static long unpublished(Scenario scenario) throws Exception {
        long rows = 0;
        for (String service : Cluster.SERVICES) {
            try (java.sql.Connection database = scenario.cluster().openDatabase(service);
                 Statement statement = database.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
                count.next();
                rows += count.getLong(1);
            }
        }
        return rows;
    }
}
