package org.acme.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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

    private static final Duration PROPAGATION = Storefront.PROPAGATION;

    private static Storefront shop;

    @BeforeAll
    static void system(RunningSystem running) {
        shop = new Storefront(running);
    }

    @Test
    void aProductAddedToTheCatalog_appearsInOrdersProductView_andAsAStockItemInInventory() {
        UUID productId = shop.addProduct("Desk lamp", 24.90);

        shop.awaitStatus(() -> shop.orders().get("/products/{id}", productId).statusCode(), 200);
        shop.orders().get("/products/{id}", productId).then().body("name", equalTo("Desk lamp")).body("price", equalTo(24.90f));
        shop.awaitStatus(() -> shop.inventory().get("/stock/{id}", productId).statusCode(), 200);
        shop.inventory().get("/stock/{id}", productId).then().body("name", equalTo("Desk lamp")).body("onHand", equalTo(0));
    }

    @Test
    void aPriceChangeInTheCatalog_reachesOrdersProductView() {
        UUID productId = shop.addProduct("Chair", 80.00);
        shop.awaitStatus(() -> shop.orders().get("/products/{id}", productId).statusCode(), 200);

        shop.catalog().header("If-Match", "\"1\"").body(Map.of("name", "Chair", "price", 65.00))
                .put("/products/{id}", productId).then().statusCode(200);

        await().atMost(PROPAGATION).until(() ->
                shop.orders().get("/products/{id}", productId).then().extract().<Float>path("price") == 65.00f);
    }

    @Test
    void anOrderWithinStock_isConfirmed_andReserved_andCancellingItReleasesTheStock() {
        UUID productId = shop.aStockedProduct("Notebook", 3.50, 10);

        UUID orderId = shop.placeOrder(productId, 4);
        shop.awaitOrderStatus(orderId, "CONFIRMED");
        shop.inventory().get("/stock/{id}", productId).then().body("reserved", equalTo(4)).body("available", equalTo(6));

        shop.orders().post("/orders/{id}/cancel", orderId).then().statusCode(200).body("status", equalTo("CANCELLED"));
        await().atMost(PROPAGATION).until(() ->
                shop.inventory().get("/stock/{id}", productId).then().extract().<Integer>path("reserved") == 0);
        shop.inventory().get("/stock/{id}", productId).then().body("available", equalTo(10));
    }

    @Test
    void aConfirmedOrderShips_andItsStockLeaves_whileACancelledOrderCannotShip() {
        UUID productId = shop.aStockedProduct("Pencil", 0.80, 10);
        UUID shipped = shop.placeOrder(productId, 2);
        UUID cancelled = shop.placeOrder(productId, 1);
        shop.awaitOrderStatus(shipped, "CONFIRMED");
        shop.awaitOrderStatus(cancelled, "CONFIRMED");
        shop.orders().post("/orders/{id}/cancel", cancelled).then().statusCode(200);

        shop.orders().post("/orders/{id}/ship", shipped).then().statusCode(200).body("status", equalTo("SHIPPED"));
        shop.orders().post("/orders/{id}/ship", cancelled).then().statusCode(409).contentType("application/problem+json");

        await().atMost(PROPAGATION).until(() ->
                shop.inventory().get("/stock/{id}", productId).then().extract().<Integer>path("onHand") == 8);
        await().atMost(PROPAGATION).until(() ->
                shop.inventory().get("/stock/{id}", productId).then().extract().<Integer>path("reserved") == 0);
    }

    @Test
    void anOrderLargerThanTheStock_isRejected_andReservesNothing() {
        UUID productId = shop.aStockedProduct("Eraser", 0.50, 5);

        UUID orderId = shop.placeOrder(productId, 6);

        shop.awaitOrderStatus(orderId, "REJECTED");
        shop.inventory().get("/stock/{id}", productId).then().body("reserved", equalTo(0));
    }

    @Test
    void anOrderForAnUnknownProduct_isUnprocessable_withAProblem() {
        shop.orders().body(Map.of("customerId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1))))
                .post("/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
    }
}
