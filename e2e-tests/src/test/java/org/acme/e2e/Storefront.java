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
import java.util.function.IntSupplier;

/** The running services as a trusted client uses them over HTTP: products, stock, orders, and waiting for events to propagate. */
final class Storefront {

    static final Duration PROPAGATION = Duration.ofSeconds(30);

    private final RunningSystem system;

    Storefront(RunningSystem system) {
        this.system = system;
    }

    RequestSpecification catalog() {
        return aTrustedClient().baseUri(system.catalog()).contentType(ContentType.JSON);
    }

    RequestSpecification inventory() {
        return aTrustedClient().baseUri(system.inventory()).contentType(ContentType.JSON);
    }

    RequestSpecification orders() {
        return aTrustedClient().baseUri(system.orders()).contentType(ContentType.JSON);
    }

    UUID addProduct(String name, double price) {
        return UUID.fromString(catalog().body(Map.of("name", name, "price", price, "cost", price / 2, "supplier", "ACME"))
                .post("/products").then().statusCode(201).extract().path("id"));
    }

    /** A product added to the catalog, with stock in inventory, which orders knows of. */
    UUID aStockedProduct(String name, double price, int onHand) {
        UUID productId = addProduct(name, price);
        awaitStatus(() -> inventory().get("/stock/{id}", productId).statusCode(), 200);
        inventory().body(Map.of("delta", onHand, "reason", "delivery"))
                .post("/stock/{id}/adjustments", productId).then().statusCode(200);
        awaitStatus(() -> orders().get("/products/{id}", productId).statusCode(), 200);
        return productId;
    }

    UUID placeOrder(UUID productId, int quantity) {
        return placeOrder(orders(), productId, quantity);
    }

    /** Places an order through the request given (with headers of the test's own). */
    UUID placeOrder(RequestSpecification request, UUID productId, int quantity) {
        return UUID.fromString(request.body(Map.of("customerId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("productId", productId.toString(), "quantity", quantity))))
                .post("/orders").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id"));
    }

    void awaitOrderStatus(UUID orderId, String status) {
        await().atMost(PROPAGATION).until(() -> status.equals(orders().get("/orders/{id}", orderId).then().extract().path("status")));
    }

    void awaitStatus(IntSupplier status, int expected) {
        await().atMost(PROPAGATION).until(() -> status.getAsInt() == expected);
    }
}
