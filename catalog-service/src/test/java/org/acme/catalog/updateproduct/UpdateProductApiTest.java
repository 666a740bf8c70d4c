package org.acme.catalog.updateproduct;

import static org.acme.catalog.CatalogApi.aLaptop;
import static org.acme.catalog.CatalogApi.added;
import static org.acme.catalog.CatalogApi.remove;
import static org.acme.catalog.CatalogApi.update;
import static org.acme.infrastructure.testing.QueueProbe.bodyContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.integrationevents.EnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UpdateProductApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private QueueProbe catalogEvents;

    @BeforeEach
    void listen() throws Exception {
        catalogEvents = QueueProbe.on("catalog", "#");
    }

    @AfterEach
    void stopListening() throws Exception {
        catalogEvents.close();
    }

    @Test
    void updateProduct_answersTheNextVersion_andPublishesProductUpdated() {
        UUID id = added(aLaptop());
        Map<String, Object> renamed = aLaptop();
        renamed.put("price", 849.99);

        update(id, "\"1\"", renamed)
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("name", equalTo(renamed.get("name")))
                .body("version", equalTo(2));

        JsonNode envelope = envelopeOf(catalogEvents.await(
                message -> message.routingKey().equals("ProductUpdated.v2") && message.body().contains(id.toString()), 1, PATIENCE)
                .get(0));
        assertThat(envelope.get("payload").get("name").asText()).isEqualTo(renamed.get("name"));
        assertThat(envelope.get("payload").get("price").decimalValue()).isEqualByComparingTo("849.99");
        assertThat(envelope.get("metadata").get("aggregateVersion").asLong()).isEqualTo(2);
        assertThat(envelope.get("metadata").get("expectedVersion").asLong()).as("the If-Match it was sent with").isEqualTo(1);
        assertThat(envelope.get("metadata").get("commandType").asText()).isEqualTo("UpdateProduct");
    }

    @Test
    void updateProduct_withAStaleIfMatch_fails_withPreconditionFailed() {
        UUID id = added(aLaptop());
        update(id, "\"1\"", aLaptop()).statusCode(200);

        update(id, "\"1\"", aLaptop())
                .statusCode(412)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void updateProduct_withAnIfMatchThatIsNoVersion_fails_withBadRequest() {
        UUID id = added(aLaptop());

        update(id, "\"yesterday\"", aLaptop())
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void updateProduct_ofARemovedProduct_fails_withConflict_andPublishesUpdateProductRejected() {
        UUID id = added(aLaptop());
        remove(id, null).statusCode(204);

        update(id, "\"2\"", aLaptop()).statusCode(409).contentType("application/problem+json");

        JsonNode rejection = envelopeOf(catalogEvents.await(
                message -> message.routingKey().equals("UpdateProductRejected.v1") && message.body().contains(id.toString()),
                1, PATIENCE).get(0));
        assertThat(rejection.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        assertThat(rejection.get("metadata").get("currentVersion").asLong()).isEqualTo(2);
        assertThat(rejection.get("metadata").get("expectedVersion").asLong()).isEqualTo(2);
        assertThat(rejection.get("payload").get("reason").asText()).contains("removed");
    }

    @Test
    void updateProduct_ofAnUnknownProduct_fails_withNotFound() {
        update(UUID.randomUUID(), null, aLaptop()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void updateProduct_changingOnlyInternalDetails_publishesNothing() {
        Map<String, Object> laptop = aLaptop();
        UUID id = added(laptop);
        laptop.put("cost", 650.00);
        laptop.put("internalNotes", "renegotiated");
        update(id, "\"1\"", laptop).statusCode(200).header("ETag", equalTo("\"2\""));
        laptop.put("price", 10.00);
        update(id, "\"2\"", laptop).statusCode(200);

        List<QueueProbe.Received> updates = catalogEvents.await(
                message -> message.routingKey().equals("ProductUpdated.v2") && message.body().contains(id.toString()), 1, PATIENCE);
        assertThat(updates).hasSize(1);
        assertThat(envelopeOf(updates.get(0)).get("metadata").get("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(envelopeOf(updates.get(0)).get("metadata").get("expectedVersion").asLong()).isEqualTo(2);
    }

    private static JsonNode envelopeOf(QueueProbe.Received message) {
        return EnvelopeCodec.readTree(message.body());
    }
}
