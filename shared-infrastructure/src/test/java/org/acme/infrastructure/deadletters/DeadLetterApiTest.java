package org.acme.infrastructure.deadletters;

import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.acme.infrastructure.testing.Callers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.rabbitmq.client.Channel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.subscriptions.WhenGreetedThenCountGreeting;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.infratest.Greeted;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The operators' dead-letter API: what reaches the DLQ is kept in the store, listed with its reason,
 * shown, discarded with a recorded reason, or — once its cause is mended — redriven and applied once.
 */
@QuarkusTest
@TestProfile(DeadLetterApiTest.Drained.class)
class DeadLetterApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The DLQ drained into the store, as outside the tests. */
    public static class Drained implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("integration-events.dead-letters.drain", "true");
        }
    }

    @Inject
    WhenGreetedThenCountGreeting greetings;

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.management.test-port", defaultValue = "9001")
    int managementPort;

    @Test
    void aDeadLetter_isListedWithItsReason_andShownWithItsMessage() throws Exception {
        Envelope greeting = greeting("explode-" + UUID.randomUUID());
        TestMessages.publish(greeting);

        Map<String, Object> listed = awaitListed(greeting);
        assertThat(listed).containsEntry("type", "Greeted").containsEntry("aggregateId", greeting.metadata().aggregateId())
                .containsEntry("correlationId", greeting.metadata().correlationId()).containsEntry("tries", 3)
                .containsEntry("state", "waiting");
        assertThat(listed.get("reason").toString()).startsWith("failed 3 times, last: IllegalStateException: greeting explode-");

        asAdministrator().get(url("/dead-letters/" + listed.get("id"))).then().statusCode(200)
                .body("message.id", equalTo(greeting.id().toString()))
                .body("headers.x-original-exchange", equalTo("infratest.events"))
                .body("headers.x-original-user-id", equalTo("infratest"));
    }

    @Test
    void aDeadLetterRedrivenOnceItsCauseIsMended_isAppliedOnce_andCannotBeRedrivenAgain() throws Exception {
        String name = "mended-" + UUID.randomUUID();
        greetings.breakUntilMended(name);
        Envelope greeting = greeting(name);
        TestMessages.publish(greeting);
        Object id = awaitListed(greeting).get("id");

        greetings.mend(name);
        asAdministrator().post(url("/dead-letters/" + id + "/redrive")).then().statusCode(200)
                .body("state", equalTo("redriven")).body("settledBy", equalTo("operator-olga"));

        await().atMost(PATIENCE).until(() -> countOf(name) == 1);
        asAdministrator().post(url("/dead-letters/" + id + "/redrive")).then().statusCode(409)
                .contentType("application/problem+json");
        Thread.sleep(1_000);
        assertThat(countOf(name)).as("applied once").isEqualTo(1);
    }

    @Test
    void severalDeadLetters_areRedrivenAtOnce_byTheirIds() throws Exception {
        String first = "mended-" + UUID.randomUUID();
        String second = "mended-" + UUID.randomUUID();
        greetings.breakUntilMended(first);
        greetings.breakUntilMended(second);
        Envelope one = greeting(first);
        Envelope two = greeting(second);
        TestMessages.publish(one);
        TestMessages.publish(two);
        Object firstId = awaitListed(one).get("id");
        Object secondId = awaitListed(two).get("id");
        greetings.mend(first);
        greetings.mend(second);

        asAdministrator().contentType(ContentType.JSON).body(Map.of("ids", List.of(firstId, secondId)))
                .post(url("/dead-letters/redrive")).then().statusCode(200).body("redriven", equalTo(2));

        await().atMost(PATIENCE).until(() -> countOf(first) == 1 && countOf(second) == 1);
    }

    @Test
    void aDiscardedDeadLetter_recordsWhyAndWho_andIsNeverRedriven() throws Exception {
        Envelope greeting = greeting("explode-" + UUID.randomUUID());
        TestMessages.publish(greeting);
        Object id = awaitListed(greeting).get("id");

        asAdministrator().contentType(ContentType.JSON).body(Map.of()).delete(url("/dead-letters/" + id)).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        asAdministrator().contentType(ContentType.JSON).body(Map.of("reason", "a test greeting, never to be counted"))
                .delete(url("/dead-letters/" + id)).then().statusCode(200)
                .body("state", equalTo("discarded")).body("discardReason", equalTo("a test greeting, never to be counted"))
                .body("settledBy", equalTo("operator-olga"));
        asAdministrator().post(url("/dead-letters/" + id + "/redrive")).then().statusCode(409);
    }

    /**
     * A quorum DLQ deleted and at once declared again (by this service's dead-lettering, or its
     * topology check) can keep a consumer of the deleted queue registered on the new one, without a
     * cancel (RabbitMQ 3.10): what reached the DLQ would wait there unseen, handed to that consumer
     * and never delivered. Several rounds, since the first deletion is often announced.
     */
    @Test
    void deadLetters_sentRightAfterTheirDlqWasDeletedAndDeclaredAgain_areKept() throws Exception {
        for (int round = 1; round <= 3; round++) {
            try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-delete-dlq");
                 Channel channel = connection.createChannel()) {
                channel.queueDelete(Topology.deadLetterQueueOf("infratest"));
                channel.queueDeclare(Topology.deadLetterQueueOf("infratest"), true, false, false, Map.of("x-queue-type", "quorum"));
                channel.queueBind(Topology.deadLetterQueueOf("infratest"), Topology.deadLetterExchangeOf("infratest"), "");
            }
            Envelope greeting = greeting("explode-" + UUID.randomUUID());
            TestMessages.publish(greeting);
            assertThat(awaitListed(greeting)).as("round %d", round).containsEntry("state", "waiting");
        }
    }

    @Test
    void theDeadLetters_areForTheAdministratorOnly() {
        anonymous().get(url("/dead-letters")).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        aCaller("bob", "customer").get(url("/dead-letters")).then().statusCode(403).contentType("application/problem+json");
        asAdministrator().get(url("/dead-letters/" + UUID.randomUUID())).then().statusCode(404).contentType("application/problem+json");
    }

    private Map<String, Object> awaitListed(Envelope greeting) {
        return await().atMost(PATIENCE).until(() -> asAdministrator().queryParam("correlationId", greeting.metadata().correlationId())
                        .get(url("/dead-letters")).then().statusCode(200).extract().<List<Map<String, Object>>>path("items"),
                items -> items.size() == 1).get(0);
    }

    private static RequestSpecification asAdministrator() {
        return aCaller("operator-olga", "administrator");
    }

    private String url(String path) {
        return "http://localhost:" + managementPort + path;
    }

    private static Envelope greeting(String name) {
        return TestMessages.envelope(new Greeted(name), "infratest", "Greeter", name, 1L);
    }

    private int countOf(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count FROM greetings WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }
}
