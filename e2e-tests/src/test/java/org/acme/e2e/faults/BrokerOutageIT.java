package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acme.e2e.Meters;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/** The broker goes away under load: commands keep being accepted, and nothing is lost or doubled when it returns. */
class BrokerOutageIT {

    private static final int LOAD = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    /** How often a service samples its outbox for its gauges (integration-events.operations.sample-interval). */
    private static final Duration SAMPLED_EVERY = Duration.ofSeconds(5);

    @Test
    void brokerStoppedForTwentySeconds_underLoad_losesNothing() throws Exception {
        try (Scenario scenario = Scenario.start("broker-stopped")) {
            Workload workload = scenario.load(LOAD);
            Thread.sleep(3_000);

            Instant stopped = Instant.now();
            LocalServers.stopBroker();
            // rabbitmqctl stop takes seconds of its own: the broker is surely down only once it returns.
            Instant down = Instant.now();
            AtomicBoolean relayNoticed = new AtomicBoolean();
            ServiceProcess catalog = scenario.cluster().instances("catalog").get(0);
            double oldestWaiting = 0;
            while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
                relayNoticed.compareAndSet(false, Messaging.state(catalog, "outbox-relay").filter("LEADING"::equals).isEmpty());
                oldestWaiting = Math.max(oldestWaiting, oldestUnpublished(catalog));
                Thread.sleep(500);
            }
            Duration surelyDown = Duration.between(down, Instant.now());
            LocalServers.startBroker();
            Instant restarted = Instant.now();
            Thread.sleep(3_000);

            long acceptedDuringOutage = workload.count(operation -> operation.outcome() == Operation.Outcome.OK
                    && operation.sentAt().isAfter(stopped.plusSeconds(1)) && operation.sentAt().isBefore(restarted));
            scenario.measure("commands accepted while the broker was down", acceptedDuringOutage);
            scenario.measure("oldest event waiting in the catalog's outbox, as its gauge showed it (s)", oldestWaiting);
            scenario.finish("Broker stopped " + OUTAGE.toSeconds() + " s under load", LOAD + " commands/s",
                    "rabbitmqctl stop, " + OUTAGE.toSeconds() + " s, start",
                    restarted, Duration.ofSeconds(90), 0);

            assertThat(acceptedDuringOutage).as("commands are accepted while the broker is down (the outbox keeps them)")
                    .isPositive();
            assertThat(relayNoticed).as("the relay reported the outage in its health").isTrue();
            // Every event written since the broker was surely down waits; the last sample before it returned may be
            // a sampling interval old, and is in whole seconds.
            assertThat(oldestWaiting).as("the outbox lag showed in its gauge (the broker surely down %d s)", surelyDown.toSeconds())
                    .isGreaterThanOrEqualTo(surelyDown.minus(SAMPLED_EVERY).toSeconds() - 2);
            // The gauge is a sample: the events may all have arrived before the first sample after them.
            assertThat(oldestUnpublishedOnceSampledAgain(catalog)).as("and went back to nothing once published").isZero();
        }
    }

    private static double oldestUnpublished(ServiceProcess service) {
        return Meters.value(service.managementUrl(), "outbox_oldest_unpublished_age_seconds").orElse(-1);
    }

    /** The gauge once it reads 0, or as it reads after two sampling intervals more. */
    private static double oldestUnpublishedOnceSampledAgain(ServiceProcess service) throws InterruptedException {
        Instant deadline = Instant.now().plus(SAMPLED_EVERY.multipliedBy(2));
        double oldest = oldestUnpublished(service);
        while (oldest != 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            oldest = oldestUnpublished(service);
        }
        return oldest;
    }

    @Test
    void brokerRestartedFiveTimes_someByKill9_losesNothing() throws Exception {
        try (Scenario scenario = Scenario.start("broker-restarted")) {
            scenario.load(LOAD);
            int outagesSeen = 0;
            ServiceProcess orders = scenario.cluster().instances("orders").get(0);
            for (int restart = 1; restart <= 5; restart++) {
                Thread.sleep(3_000);
                if (restart % 2 == 1) {
                    LocalServers.killBroker();
                } else {
                    LocalServers.stopBroker();
                }
                outagesSeen += Messaging.reportsDownWithin(orders, Duration.ofSeconds(3)) ? 1 : 0;
                LocalServers.startBroker();
            }
            Instant lastRestart = Instant.now();
            Thread.sleep(3_000);

            scenario.measure("outages the orders service reported in its messaging health", outagesSeen);
            scenario.finish("Broker restarted 5 times under load (3 by kill -9)", LOAD + " commands/s",
                    "3 × kill -9 of the broker, 2 × rabbitmqctl stop, each followed by a start", lastRestart,
                    Duration.ofSeconds(90), 0);
            assertThat(outagesSeen).as("the services noticed the broker was gone").isPositive();
        }
    }
}
