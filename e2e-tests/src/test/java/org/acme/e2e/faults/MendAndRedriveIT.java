package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.acme.e2e.DeadLetterDesk;
import org.junit.jupiter.api.Test;

/**
 * A failure no retry mends: under load, inventory's database user loses, for 10 s, its right to
 * record what it applied (a grant a bad migration dropped). What inventory takes meanwhile is
 * dead-lettered with its reason, and nothing else stops. Once the grant is back, the operator
 * redrives every dead letter through the service's dead-letter API, and each is applied once:
 * nothing lost, nothing applied twice, no dead letter left waiting.
 */
class MendAndRedriveIT {

    private static final int LOAD = 20;
    private static final Duration BROKEN_FOR = Duration.ofSeconds(10);
    private static final Duration REDRIVING_LIMIT = Duration.ofSeconds(60);

    @Test
    void deadLettersOfABugMended_redrivenByTheOperator_areEachAppliedOnce() throws Exception {
        try (Scenario scenario = Scenario.start("mend-and-redrive")) {
            scenario.load(LOAD);
            Thread.sleep(3_000);

            asOwner(scenario, "REVOKE INSERT ON inbox FROM inventory_app");
            Thread.sleep(BROKEN_FOR.toMillis());
            asOwner(scenario, "GRANT INSERT ON inbox TO inventory_app");
            Instant mended = Instant.now();

            DeadLetterDesk deadLetters = scenario.cluster().deadLetters("inventory");
            List<JsonNode> firstSeen = deadLetters.waiting();
            Instant redrivingStarted = Instant.now();
            int redriven = redriveUntilNoneComes(deadLetters);
            Duration redriving = Duration.between(redrivingStarted, Instant.now());

            scenario.measure("dead letters while the grant was revoked, redriven", redriven);
            scenario.measure("redriving them all took (ms)", redriving.toMillis());
            Scenario.Result result = scenario.finish("A bug mended, its dead letters redriven", LOAD + " commands/s",
                    "REVOKE INSERT ON inbox FROM inventory_app for " + BROKEN_FOR.toSeconds() + " s, GRANT again, then"
                            + " POST /dead-letters/redrive {\"all\": true} until none is waiting",
                    mended, Duration.ofSeconds(60), 0);

            assertThat(redriven).as("the revoked grant dead-lettered what inventory took meanwhile").isPositive();
            assertThat(firstSeen).as("each with its reason").isNotEmpty()
                    .allSatisfy(letter -> assertThat(letter.path("reason").asText()).containsIgnoringCase("permission denied"));
            assertThat(result.deadLettered()).as("no dead letter left waiting").isZero();
        }
    }

    /**
     * Redrives what is waiting, again while dead letters still come (a message in its last tries when the
     * grant came back, the DLQ still being drained into the store), until none has come for 5 s.
     */
    private static int redriveUntilNoneComes(DeadLetterDesk deadLetters) throws Exception {
        Instant deadline = Instant.now().plus(REDRIVING_LIMIT);
        Instant lastCame = Instant.now();
        int redriven = 0;
        while (Duration.between(lastCame, Instant.now()).toSeconds() < 5 && Instant.now().isBefore(deadline)) {
            int now = deadLetters.redriveAll();
            if (now > 0) {
                redriven += now;
                lastCame = Instant.now();
            }
            Thread.sleep(1_000);
        }
        return redriven;
    }

    private static void asOwner(Scenario scenario, String statement) throws SQLException {
        try (Connection database = scenario.cluster().openDatabase("inventory"); Statement sql = database.createStatement()) {
            sql.execute(statement);
        }
    }
}
