package org.acme.orders;

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
import org.acme.integrationevents.inventory.ReservedLine;
import org.acme.integrationevents.inventory.StockReserved;

/** The orders HTTP API and the events it hears, in the words of its tests. */
public final class OrdersApi {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private OrdersApi() {
    }

    public static Envelope productAdded(UUID productId, String name, String price, long catalogVersion) {
        return TestMessages.envelope(new ProductAdded(productId, name, new BigDecimal(price), "stationery"), "catalog", "Product",
                productId, catalogVersion);
    }

    /** The catalog announces a product, and orders' view shows it. */
    public static UUID aCatalogProduct(String price) throws Exception {
        UUID productId = UUID.randomUUID();
        TestMessages.publish(productAdded(productId, "Product " + productId, price, 1));
        await().atMost(PATIENCE).until(() -> viewedProduct(productId).extract().statusCode() == 200);
        return productId;
    }

    public static ValidatableResponse viewedProduct(UUID productId) {
        return aTrustedClient().when().get("/products/{id}", productId).then();
    }

    public static ValidatableResponse place(Object body) {
        return aTrustedClient().contentType(ContentType.JSON).body(body).when().post("/orders").then();
    }

    public static Map<String, Object> anOrderOf(UUID productId, int quantity) {
        return Map.of("customerId", UUID.randomUUID().toString(),
                "lines", List.of(Map.of("productId", productId.toString(), "quantity", quantity)));
    }

    public static UUID placed(UUID productId, int quantity) {
        return UUID.fromString(place(anOrderOf(productId, quantity)).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse order(UUID orderId) {
        return aTrustedClient().when().get("/orders/{id}", orderId).then();
    }

    public static String statusOf(UUID orderId) {
        return order(orderId).statusCode(200).extract().path("status");
    }

    public static ValidatableResponse cancel(UUID orderId) {
        return aTrustedClient().when().post("/orders/{id}/cancel", orderId).then();
    }

    public static ValidatableResponse ship(UUID orderId) {
        return aTrustedClient().when().post("/orders/{id}/ship", orderId).then();
    }

    public static Envelope stockReserved(UUID orderId, UUID productId, int quantity) {
        return TestMessages.envelope(new StockReserved(orderId, List.of(new ReservedLine(productId, quantity))),
                "inventory", "Reservation", orderId, null);
    }

    /** An order inventory reserved stock for. */
    public static UUID aConfirmedOrder() throws Exception {
        UUID productId = aCatalogProduct("5.00");
        UUID orderId = placed(productId, 1);
        TestMessages.publish(stockReserved(orderId, productId, 1));
        await().atMost(PATIENCE).until(() -> statusOf(orderId).equals("CONFIRMED"));
        return orderId;
    }
}
