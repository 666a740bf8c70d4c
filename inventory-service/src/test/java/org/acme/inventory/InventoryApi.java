package org.acme.inventory;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.integrationevents.orders.OrderPlaced;

/** Inventory's HTTP API and the events it hears, in the words of its tests. */
public final class InventoryApi {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private InventoryApi() {
    }

    public static ValidatableResponse stockOf(UUID productId) {
        return aTrustedClient().when().get("/stock/{id}", productId).then();
    }

    public static int stockField(UUID productId, String field) {
        return stockOf(productId).statusCode(200).extract().path(field);
    }

    public static ValidatableResponse adjust(UUID productId, Object delta, String reason) {
        return aTrustedClient().contentType(ContentType.JSON)
                .body(reason == null ? Map.of("delta", delta) : Map.of("delta", delta, "reason", reason))
                .when().post("/stock/{id}/adjustments", productId).then();
    }

    public static Envelope productAdded(UUID productId, String name, long catalogVersion) {
        return TestMessages.envelope(new ProductAdded(productId, name, new BigDecimal("10.00"), "lighting"), "catalog", "Product",
                productId, catalogVersion);
    }

    /** The catalog announces a product and inventory starts tracking it. */
    public static UUID aTrackedProduct() throws Exception {
        UUID productId = UUID.randomUUID();
        TestMessages.publish(productAdded(productId, "Product " + productId, 1));
        await().atMost(PATIENCE).until(() -> stockOf(productId).extract().statusCode() == 200);
        return productId;
    }

    /** A tracked product with stock on hand. */
    public static UUID aStockedProduct(int onHand) throws Exception {
        UUID productId = aTrackedProduct();
        adjust(productId, onHand, "delivery").statusCode(200);
        return productId;
    }

    public static Envelope orderPlaced(UUID orderId, OrderPlaced.Line... lines) {
        return TestMessages.envelope(new OrderPlaced(orderId, UUID.randomUUID(), List.of(lines)), "orders",
                "Order", orderId, 1L);
    }
}
