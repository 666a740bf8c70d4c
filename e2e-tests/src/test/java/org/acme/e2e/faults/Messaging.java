package org.acme.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.acme.processes.ServiceProcess;

/** What a service instance says of its relay and its subscription in {@code /q/health/group/messaging}. */
final class Messaging {

    private static final Http HTTP = new Http(Duration.ofSeconds(2));

    private Messaging() {
    }

    /** The state of a check ("outbox-relay", "subscription"), or nothing when the instance does not answer. */
    static Optional<String> state(ServiceProcess instance, String check) {
        Http.Answer answer = HTTP.get(instance.managementUrl() + "/q/health/group/messaging");
        for (JsonNode entry : answer.body().path("checks")) {
            if (check.equals(entry.path("name").asText())) {
                return Optional.of(entry.path("data").path("state").asText());
            }
        }
        return Optional.empty();
    }

    /** Whether the instance answers its messaging health with UP (200). */
    static boolean up(ServiceProcess instance) {
        return HTTP.get(instance.managementUrl() + "/q/health/group/messaging").status() == 200;
    }

    /** Whether the instance reports its messaging DOWN at some point within the time given. */
    static boolean reportsDownWithin(ServiceProcess instance, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!up(instance)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static boolean leads(ServiceProcess instance) {
        return state(instance, "outbox-relay").filter("LEADING"::equals).isPresent();
    }
}
