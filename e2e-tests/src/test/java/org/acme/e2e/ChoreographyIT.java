package org.acme.e2e;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The choreography of docs/architecture.md across the three running services, observed over HTTP only:
 * each step waits, with a bound, for the events to propagate.
 */
@WithRunningSystem
class ChoreographyIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private static RunningSystem system;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
    }

    private static RequestSpecification catalog() {
        return aTrustedClient().baseUri(system.catalog()).contentType(ContentType.JSON);
    }

    private static RequestSpecification inventory() {
        return aTrustedClient().baseUri(system.inventory()).contentType(ContentType.JSON);
    }

    private static RequestSpecification orders() {
        return aTrustedClient().baseUri(system.orders()).contentType(ContentType.JSON);
    }

    @Test
    void aProductAddedToTheCatalog_appearsInOrdersProductView_andAsAStockItemInInventory() {
        UUID productId = addProduct("Desk lamp", 24.90);

        awaitStatus(() -> orders().get("/products/{id}", productId).statusCode(), 200);
        orders().get("/products/{id}", productId).then().body("name", equalTo("Desk lamp")).body("price", equalTo(24.90f));
        awaitStatus(() -> inventory().get("/stock/{id}", productId).statusCode(), 200);
        inventory().get("/stock/{id}", productId).then().body("name", equalTo("Desk lamp")).body("onHand", equalTo(0));
    }

    @Test
    void aPriceChangeInTheCatalog_reachesOrdersProductView() {
        UUID productId = addProduct("Chair", 80.00);
        awaitStatus(() -> orders().get("/products/{id}", productId).statusCode(), 200);

        catalog().header("If-Match", "\"1\"").body(Map.of("name", "Chair", "price", 65.00))
                .put("/products/{id}", productId).then().statusCode(200);

        await().atMost(PROPAGATION).until(() ->
                orders().get("/products/{id}", productId).then().extract().<Float>path("price") == 65.00f);
    }

    @Test
    void anOrderWithinStock_isConfirmed_andReserved_andCancellingItReleasesTheStock() {
        UUID productId = aStockedProduct("Notebook", 3.50, 10);

        UUID orderId = placeOrder(productId, 4);
        awaitOrderStatus(orderId, "CONFIRMED");
        inventory().get("/stock/{id}", productId).then().body("reserved", equalTo(4)).body("available", equalTo(6));

        orders().post("/orders/{id}/cancel", orderId).then().statusCode(200).body("status", equalTo("CANCELLED"));
        await().atMost(PROPAGATION).until(() ->
                inventory().get("/stock/{id}", productId).then().extract().<Integer>path("reserved") == 0);
        inventory().get("/stock/{id}", productId).then().body("available", equalTo(10));
    }

    @Test
    void aConfirmedOrderShips_andItsStockLeaves_whileACancelledOrderCannotShip() {
        UUID productId = aStockedProduct("Pencil", 0.80, 10);
        UUID shipped = placeOrder(productId, 2);
        UUID cancelled = placeOrder(productId, 1);
        awaitOrderStatus(shipped, "CONFIRMED");
        awaitOrderStatus(cancelled, "CONFIRMED");
        orders().post("/orders/{id}/cancel", cancelled).then().statusCode(200);

        orders().post("/orders/{id}/ship", shipped).then().statusCode(200).body("status", equalTo("SHIPPED"));
        orders().post("/orders/{id}/ship", cancelled).then().statusCode(409).contentType("application/problem+json");

        await().atMost(PROPAGATION).until(() ->
                inventory().get("/stock/{id}", productId).then().extract().<Integer>path("onHand") == 8);
        await().atMost(PROPAGATION).until(() ->
                inventory().get("/stock/{id}", productId).then().extract().<Integer>path("reserved") == 0);
    }

    @Test
    void anOrderLargerThanTheStock_isRejected_andReservesNothing() {
        UUID productId = aStockedProduct("Eraser", 0.50, 5);

        UUID orderId = placeOrder(productId, 6);

        awaitOrderStatus(orderId, "REJECTED");
        inventory().get("/stock/{id}", productId).then().body("reserved", equalTo(0));
    }

    @Test
    void anOrderForAnUnknownProduct_isUnprocessable_withAProblem() {
        orders().body(Map.of("customerId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1))))
                .post("/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
    }

    private static UUID addProduct(String name, double price) {
        return UUID.fromString(catalog().body(Map.of("name", name, "price", price, "cost", price / 2, "supplier", "ACME"))
                .post("/products").then().statusCode(201).extract().path("id"));
    }

    private static UUID aStockedProduct(String name, double price, int onHand) {
        UUID productId = addProduct(name, price);
        awaitStatus(() -> inventory().get("/stock/{id}", productId).statusCode(), 200);
        inventory().body(Map.of("delta", onHand, "reason", "delivery"))
                .post("/stock/{id}/adjustments", productId).then().statusCode(200);
        awaitStatus(() -> orders().get("/products/{id}", productId).statusCode(), 200);
        return productId;
    }

    private static UUID placeOrder(UUID productId, int quantity) {
        return UUID.fromString(orders().body(Map.of("customerId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("productId", productId.toString(), "quantity", quantity))))
                .post("/orders").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id"));
    }

    private static void awaitOrderStatus(UUID orderId, String status) {
        await().atMost(PROPAGATION).until(() -> status.equals(orders().get("/orders/{id}", orderId).then().extract().path("status")));
    }

    private static void awaitStatus(java.util.function.IntSupplier status, int expected) {
        await().atMost(PROPAGATION).until(() -> status.getAsInt() == expected);
    }
}
