package org.acme.inventory.adjuststock;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.acme.inventory.InventoryApi.PATIENCE;
import static org.acme.inventory.InventoryApi.aStockedProduct;
import static org.acme.inventory.InventoryApi.aTrackedProduct;
import static org.acme.inventory.InventoryApi.adjust;
import static org.acme.inventory.InventoryApi.orderPlaced;
import static org.acme.inventory.InventoryApi.stockField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.TestServers;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.orders.OrderPlaced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServers.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "inventory_test"), @ResourceArg(name = "context", value = "inventory")})
class AdjustStockApiTest {

    private QueueProbe inventoryEvents;

    @BeforeEach
    void listen() throws Exception {
        inventoryEvents = QueueProbe.on("inventory", "#");
    }

    @AfterEach
    void stopListening() throws Exception {
        inventoryEvents.close();
    }

    @Test
    void adjustStock_answersTheNewLevel_andPublishesStockAdjusted() throws Exception {
        UUID productId = aTrackedProduct();

        adjust(productId, 10, "delivery").statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("onHand", equalTo(10))
                .body("available", equalTo(10));

        JsonNode envelope = EnvelopeCodec.readTree(inventoryEvents.await(message ->
                message.routingKey().equals("StockAdjusted.v1") && message.body().contains(productId.toString()), 1, PATIENCE)
                .get(0).body());
        assertThat(envelope.get("payload").get("delta").asInt()).isEqualTo(10);
        assertThat(envelope.get("payload").get("onHand").asInt()).isEqualTo(10);
        assertThat(envelope.get("payload").get("available").asInt()).isEqualTo(10);
        assertThat(envelope.get("payload").has("reason")).isFalse();
        assertThat(envelope.get("metadata").get("aggregateType").asText()).isEqualTo("StockItem");
        assertThat(envelope.get("metadata").get("aggregateVersion").asLong()).isEqualTo(2);
    }

    @Test
    void adjustStock_belowWhatIsReserved_fails_withUnprocessable_andPublishesAdjustStockRejected() throws Exception {
        UUID productId = aStockedProduct(5);
        TestMessages.publish(orderPlaced(UUID.randomUUID(), new OrderPlaced.Line(productId, 4)));
        await().atMost(PATIENCE).until(() -> stockField(productId, "reserved") == 4);

        adjust(productId, -2, "broken").statusCode(422).contentType("application/problem+json");

        JsonNode rejection = EnvelopeCodec.readTree(inventoryEvents.await(message ->
                message.routingKey().equals("AdjustStockRejected.v1") && message.body().contains(productId.toString()),
                1, PATIENCE).get(0).body());
        assertThat(rejection.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        assertThat(stockField(productId, "onHand")).isEqualTo(5);
    }

    @Test
    void adjustStock_ofAnUnknownProduct_fails_withNotFound() {
        adjust(UUID.randomUUID(), 1, "delivery").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void adjustStock_byZero_fails_withBadRequest_namingDelta() throws Exception {
        adjust(aTrackedProduct(), 0, "nothing").statusCode(400).body("errors[0].field", equalTo("delta"));
    }

    @Test
    void adjustStock_withoutReasonOrDelta_fails_withBadRequest_namingBoth() {
        aTrustedClient().contentType(ContentType.JSON).body(Map.of())
                .when().post("/stock/{id}/adjustments", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("delta", "reason"));
    }

    @Test
    void adjustStock_withAStaleIfMatch_fails_withPreconditionFailed() throws Exception {
        UUID productId = aStockedProduct(5);

        aTrustedClient().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("delta", 1, "reason", "recount"))
                .when().post("/stock/{id}/adjustments", productId)
                .then().statusCode(412);
    }
}
