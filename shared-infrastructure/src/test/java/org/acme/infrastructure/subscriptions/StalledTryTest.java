package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.acme.integrationevents.Envelope;
import org.junit.jupiter.api.Test;

/**
 * A try whose reactive chain stops in the middle of its transaction, holding the message's inbox row:
 * it is given up after the attempt patience, PostgreSQL ends its idle transaction (and its locks),
 * and the next try applies the message once. Without the patience the message would wait for ever;
 * without the database's timeout the next try would wait for ever on the abandoned inbox row.
 */
@QuarkusTest
@TestProfile(StalledTryTest.ShortPatience.class)
class StalledTryTest {

    /** An application whose patience is short enough for a test. */
    public static class ShortPatience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.subscriptions.attempt-patience", "3s",
                    "integration-events.database.idle-in-transaction-timeout", "1s");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads and writes rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;
    @Inject
    WhenGreetedThenCountGreeting subscriber;
    @Inject
    SubscriptionTopology topology;

    @Test
    void aTryThatNeverEnds_isGivenUp_itsTransactionEndedByTheDatabase_andTheMessageAppliedOnce() throws Exception {
        await().atMost(PATIENCE).until(() -> topology.declared());
        String name = "stalled-" + UUID.randomUUID();
        subscriber.stallNextTryOf(name);
        Envelope greeting = SubscriptionTest.greeting(name, 1);
        SubscriptionTest.publish(greeting);

        await().atMost(PATIENCE).until(() -> SubscriptionTest.countOf(dataSource, name) == 1);

        assertThat(subscriber.attemptsFor(name)).as("the stalled try, then one that applied it").isEqualTo(2);
        assertThat(transactionsLeftIdle()).as("the stalled try's transaction was ended").isZero();
    }

    private int transactionsLeftIdle() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND state = 'idle in transaction'")) {
            row.next();
            return row.getInt(1);
        }
    }
}
