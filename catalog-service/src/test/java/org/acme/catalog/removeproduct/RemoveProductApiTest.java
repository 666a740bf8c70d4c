package org.acme.catalog.removeproduct;

import static org.acme.catalog.CatalogApi.aLaptop;
import static org.acme.catalog.CatalogApi.added;
import static org.acme.catalog.CatalogApi.get;
import static org.acme.catalog.CatalogApi.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.integrationevents.EnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RemoveProductApiTest {

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
    void removeProduct_answersNoContent_andPublishesProductRemoved() {
        UUID id = added(aLaptop());

        remove(id, "\"1\"").statusCode(204);

        get(id).statusCode(200).body("status", equalTo("REMOVED")).header("ETag", equalTo("\"2\""));
        JsonNode envelope = EnvelopeCodec.readTree(catalogEvents.await(
                message -> message.routingKey().equals("ProductRemoved.v1") && message.body().contains(id.toString()),
                1, PATIENCE).get(0).body());
        assertThat(envelope.get("payload").get("productId").asText()).isEqualTo(id.toString());
        assertThat(envelope.get("metadata").get("aggregateVersion").asLong()).isEqualTo(2);
    }

    @Test
    void removeProduct_twice_fails_withConflict_andPublishesRemoveProductRejected() {
        UUID id = added(aLaptop());
        remove(id, null).statusCode(204);

        remove(id, null).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("product " + id + " is already removed"));

        JsonNode rejection = EnvelopeCodec.readTree(catalogEvents.await(
                message -> message.routingKey().equals("RemoveProductRejected.v1") && message.body().contains(id.toString()),
                1, PATIENCE).get(0).body());
        assertThat(rejection.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        assertThat(rejection.get("metadata").get("commandType").asText()).isEqualTo("RemoveProduct");
    }

    @Test
    void removeProduct_withAStaleIfMatch_fails_withPreconditionFailed() {
        UUID id = added(aLaptop());

        remove(id, "\"7\"").statusCode(412).contentType("application/problem+json");
        get(id).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void removeProduct_ofAnUnknownProduct_fails_withNotFound() {
        remove(UUID.randomUUID(), null).statusCode(404).contentType("application/problem+json");
    }
}
