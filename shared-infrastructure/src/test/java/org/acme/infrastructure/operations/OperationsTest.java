package org.acme.infrastructure.operations;

import static io.restassured.RestAssured.given;
import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.infratest.Greeted;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads on the management port: the meters of the subscriptions and the outbox, and
 * the attention group, which says DOWN while the outbox lags or a dead letter waits.
 */
@QuarkusTest
@TestProfile(OperationsTest.Sampled.class)
class OperationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Sampled every second, and the DLQ drained into the store, as outside the tests. */
    public static class Sampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.operations.sample-interval", "1s",
                    "integration-events.dead-letters.drain", "true");
        }
    }

    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.management.test-port", defaultValue = "9001")
    int managementPort;

    @Test
    void eachMessage_isCountedByTypeAndOutcome() throws Exception {
        double applied = meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"applied\"");
        double retried = meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"retried\"");

        TestMessages.publish(greeting("counted-" + UUID.randomUUID()));
        TestMessages.publish(greeting("flaky-" + UUID.randomUUID()));

        await().atMost(PATIENCE).until(() -> meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"applied\"")
                == applied + 2);
        assertThat(meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"retried\"")).as("the flaky one's two failed tries")
                .isEqualTo(retried + 2);
        assertThat(meter("subscription_handling_seconds_count", "type=\"Greeted\"")).isGreaterThanOrEqualTo(2);
        assertThat(meter("queue_depth_messages", "queue=\"infratest.WhenGreetedThenCountGreeting\"")).isNotNegative();
    }

    @Test
    void aDeadLetterWaiting_isCounted_andCallsForAttention_untilSettled() throws Exception {
        Envelope greeting = greeting("explode-" + UUID.randomUUID());
        double deadLettered = meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"dead_lettered\"");
        TestMessages.publish(greeting);

        await().atMost(PATIENCE).until(() -> !administrator().queryParam("correlationId", greeting.metadata().correlationId())
                .get(url("/dead-letters")).then().statusCode(200).extract().<List<?>>path("items").isEmpty());
        assertThat(meter("subscription_messages_total", "type=\"Greeted\"", "outcome=\"dead_lettered\"")).isEqualTo(deadLettered + 1);
        await().atMost(PATIENCE).until(() -> meter("dead_letters_waiting_messages") >= 1);
        assertThat(attention(503).getInt("checks[0].data.deadLettersWaiting")).isPositive();

        settleEveryDeadLetterWaiting();
        await().atMost(PATIENCE).until(() -> meter("dead_letters_waiting_messages") == 0);
        attention(200);
    }

    @Test
    void anOutboxThatLags_showsItsOldestAge_andCallsForAttention_untilPublished() throws SQLException {
        settleEveryDeadLetterWaiting();
        // The relay is off in these tests: a row enqueued two minutes ago waits until the test marks it.
        UUID id = UUID.randomUUID();
        sql("INSERT INTO outbox (message_id, event_type, routing_key, occurred_at, envelope)"
                + " VALUES (?, 'Greeted', 'infratest.greeter.greeted.v1', now() - interval '2 minutes', '{}')", id);

        await().atMost(PATIENCE).until(() -> meter("outbox_oldest_unpublished_age_seconds") >= 120);
        assertThat(meter("outbox_unpublished_messages")).isEqualTo(1);
        JsonPath attention = attention(503);
        assertThat(attention.getLong("checks[0].data.oldestUnpublishedSeconds")).isGreaterThanOrEqualTo(120);

        sql("UPDATE outbox SET published_at = now() WHERE message_id = ?", id);
        await().atMost(PATIENCE).until(() -> meter("outbox_oldest_unpublished_age_seconds") == 0);
        assertThat(meter("outbox_unpublished_messages")).isZero();
        attention(200);
    }

    @Test
    void theMeters_andTheAttentionGroup_areOnTheManagementPortOnly() {
        given().get(url("/q/metrics")).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/group/attention").then().statusCode(404);
    }

    /** What other tests left in the DLQ is drained into the store too: discarded here, as an operator would. */
    private void settleEveryDeadLetterWaiting() {
        List<String> waiting;
        do {
            waiting = administrator().queryParam("state", "waiting").queryParam("limit", 500).get(url("/dead-letters")).then()
                    .statusCode(200).extract().path("items.id");
            waiting.forEach(id -> administrator().contentType(ContentType.JSON).body(Map.of("reason", "left by another test"))
                    .delete(url("/dead-letters/" + id)).then().statusCode(200));
        } while (!waiting.isEmpty());
    }

    private static RequestSpecification administrator() {
        return aCaller("operator-olga", "administrator");
    }

    private JsonPath attention(int status) {
        return await().atMost(PATIENCE).until(() -> given().get(url("/q/health/group/attention")).then().extract(),
                response -> response.statusCode() == status).jsonPath();
    }

    /** The sum of a meter's samples that carry every given label (the service's label on each). */
    private double meter(String name, String... labels) {
        String scraped = given().get(url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$").matcher(scraped);
        double sum = 0;
        while (sample.find()) {
            String sampleLabels = sample.group(1);
            if (sampleLabels.contains("service=\"infratest\"") && List.of(labels).stream().allMatch(sampleLabels::contains)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private String url(String path) {
        return "http://localhost:" + managementPort + path;
    }

    private static Envelope greeting(String name) {
        return TestMessages.envelope(new Greeted(name), "infratest", "Greeter", name, 1L);
    }

    private void sql(String statement, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
