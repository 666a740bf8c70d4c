package org.acme.e2e.security;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.acme.e2e.DeadLetterDesk;
import org.acme.e2e.RunningSystem;
import org.acme.e2e.WithRunningSystem;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.EnvelopeMetadata;
import org.acme.integrationevents.catalog.ProductRemoved;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attacker with a broker account tries to make a context say or apply what it did not: the
 * broker refuses the publish, or the subscriber dead-letters the event, and nothing is applied.
 */
@WithRunningSystem
class BrokerIdentityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static RunningSystem system;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
    }

    @Test
    void anotherServicesUser_cannotPublishOnTheCatalogsExchange() throws Exception {
        assertThatThrownBy(() -> publish("orders", "catalog.events", "ProductRemoved.v1", "orders", removal(UUID.randomUUID())))
                .hasStackTraceContaining("ACCESS_REFUSED");
    }

    @Test
    void aServicesUser_cannotPublishAnotherContextsContract_onItsOwnExchange() throws Exception {
        assertThatThrownBy(() -> publish("catalog", "catalog.events", "OrderPlaced.v1", "catalog", removal(UUID.randomUUID())))
                .hasStackTraceContaining("ACCESS_REFUSED").hasStackTraceContaining("topic 'OrderPlaced.v1'");
    }

    @Test
    void aServicesUser_cannotClaimAnotherUsersIdentity() throws Exception {
        assertThatThrownBy(() -> publish("orders", "orders.events", "OrderPlaced.v1", "catalog", removal(UUID.randomUUID())))
                .hasStackTraceContaining("PRECONDITION_FAILED").hasStackTraceContaining("user_id");
    }

    @Test
    void guest_cannotConnect() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(LocalBroker.host());
        factory.setPort(LocalBroker.port());
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(RunningSystem.VIRTUAL_HOST);

        assertThatThrownBy(() -> factory.newConnection("security-suite-guest").close())
                .isInstanceOf(AuthenticationFailureException.class);
    }

    @Test
    void theAdministrator_puttingAnEventIntoAQueueDirectly_getsItDeadLettered_andNothingApplied() throws Exception {
        UUID product = aStockedProduct();
        Envelope forged = removal(product);

        publish(LocalBroker.connect("security-suite-admin", RunningSystem.VIRTUAL_HOST), "", "inventory.integration-events",
                null, forged);

        assertThat(deadLetterReason("inventory", forged)).contains("arrived through the default exchange");
        assertThat(stockStatus(product)).as("the product was not discontinued").isEqualTo("ACTIVE");
    }

    @Test
    void theAdministrator_publishingOnThePublishersExchange_getsItDeadLettered_andNothingApplied() throws Exception {
        UUID product = aStockedProduct();
        Envelope forged = removal(product);

        publish(LocalBroker.connect("security-suite-admin", RunningSystem.VIRTUAL_HOST), "catalog.events", "ProductRemoved.v1",
                "admin", forged);

        assertThat(deadLetterReason("inventory", forged)).contains("must come from the broker user catalog")
                .contains("user-id is admin");
        assertThat(stockStatus(product)).as("the product was not discontinued").isEqualTo("ACTIVE");
    }

    @Test
    void theAdministrator_forgingADeadLetterMovedBack_getsItDeadLettered_andNothingApplied() throws Exception {
        UUID product = aStockedProduct();
        Envelope forged = removal(product);

        publish(LocalBroker.connect("security-suite-admin", RunningSystem.VIRTUAL_HOST), "inventory.integration-events.redrive",
                "ProductRemoved.v1", "admin", forged,
                Map.of("x-original-exchange", "catalog.events", "x-original-user-id", "catalog"));

        assertThat(deadLetterReason("inventory", forged)).contains("must come from inventory, but this one's user-id is admin");
        assertThat(stockStatus(product)).as("the product was not discontinued").isEqualTo("ACTIVE");
    }

    /** A product the catalog added, which inventory tracks as ACTIVE. */
    private static UUID aStockedProduct() {
        UUID product = UUID.fromString(aTrustedClient().baseUri(system.catalog()).contentType(ContentType.JSON)
                .body(Map.of("name", "Target " + UUID.randomUUID(), "price", 10)).post("/products")
                .then().statusCode(201).extract().path("id"));
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(stockStatus(product)));
        return product;
    }

    private static String stockStatus(UUID product) {
        return aTrustedClient().baseUri(system.inventory()).get("/stock/{id}", product).then().extract().path("status");
    }

    private static Envelope removal(UUID product) {
        return Envelope.wrap(UUID.randomUUID(), Instant.now(), new ProductRemoved(product), EnvelopeMetadata.from("catalog")
                .aggregate("Product", product, 99L).correlation("security-suite-" + UUID.randomUUID(), null));
    }

    private static void publish(String user, String exchange, String routingKey, String userId, Envelope envelope) throws Exception {
        publish(LocalBroker.connectAs(user, "security-suite-" + user, RunningSystem.VIRTUAL_HOST), exchange, routingKey, userId,
                envelope);
    }

    private static void publish(Connection connection, String exchange, String routingKey, String userId, Envelope envelope)
            throws Exception {
        publish(connection, exchange, routingKey, userId, envelope, Map.of());
    }

    /** Publishes with confirms; a refusal by the broker closes the channel and throws. */
    private static void publish(Connection connection, String exchange, String routingKey, String userId, Envelope envelope,
                                Map<String, Object> headers) throws Exception {
        try (connection; Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, true, new AMQP.BasicProperties.Builder()
                    .messageId(envelope.id().toString()).type(envelope.type()).contentType("application/json").deliveryMode(2)
                    .userId(userId).headers(headers).build(), EnvelopeCodec.encodeToString(envelope).getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /** Waits for the message in the subscriber's DLQ and answers its reason; other dead letters stay. */
    /** The reason the subscriber gave, as its operators' dead-letter API lists it. */
    private static String deadLetterReason(String subscriber, Envelope envelope) {
        DeadLetterDesk deadLetters = new DeadLetterDesk(system.management(subscriber));
        return await().atMost(PATIENCE).until(() -> deadLetters.ofMessage(envelope.id().toString()), found -> !found.isEmpty())
                .get(0).path("reason").asText();
    }
}
