package org.acme.e2e.security;

import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.acme.e2e.RunningSystem;
import org.acme.e2e.WithRunningSystem;
import org.acme.infrastructure.testing.Callers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that sends a command again after a timeout (or twice at once) with the same
 * Idempotency-Key gets one effect and the same answer; the same key with another body is refused.
 */
@WithRunningSystem
class IdempotentCommandsIT {

    private static RunningSystem system;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
    }

    @Test
    void theSameKeySentTwice_andTwiceAtOnce_placesOneOrderEach_withTheSameAnswer() throws Exception {
        UUID product = anOrderableProduct();
        Map<String, Object> order = Map.of("customerId", UUID.randomUUID().toString(),
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)));
        String retried = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = place(retried, order).extract();
        ExtractableResponse<Response> again = place(retried, order).extract();
        List<ExtractableResponse<Response>> racing = raceTwice(UUID.randomUUID().toString(), order);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(racing).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(racing.get(0).asString()).isEqualTo(racing.get(1).asString());
        assertThat(ordersOf(order.get("customerId").toString())).as("one order per key").hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBody_isRefused422() throws Exception {
        UUID product = anOrderableProduct();
        String key = UUID.randomUUID().toString();
        String customer = UUID.randomUUID().toString();
        place(key, Map.of("customerId", customer, "lines", List.of(Map.of("productId", product.toString(), "quantity", 1))))
                .statusCode(201);

        place(key, Map.of("customerId", customer, "lines", List.of(Map.of("productId", product.toString(), "quantity", 2))))
                .statusCode(422).contentType("application/problem+json");

        assertThat(ordersOf(customer)).hasSize(1);
    }

    private static io.restassured.response.ValidatableResponse place(String key, Map<String, Object> order) {
        return aCaller("retrying-customer", "customer").baseUri(system.orders()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(order).post("/orders").then();
    }

    private static List<ExtractableResponse<Response>> raceTwice(String key, Map<String, Object> order) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ExtractableResponse<Response>>> requests = List.of(
                CompletableFuture.supplyAsync(() -> afterStart(start, key, order)),
                CompletableFuture.supplyAsync(() -> afterStart(start, key, order)));
        start.countDown();
        return requests.stream().map(CompletableFuture::join).toList();
    }

    private static ExtractableResponse<Response> afterStart(CountDownLatch start, String key, Map<String, Object> order) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return place(key, order).extract();
    }

    /** The orders of a customer, as orders lists them. */
    private static List<String> ordersOf(String customer) {
        List<Map<String, Object>> all = Callers.aTrustedClient().baseUri(system.orders()).queryParam("limit", 1000).get("/orders")
                .then().statusCode(200).extract().path("$");
        return all.stream().filter(order -> customer.equals(order.get("customerId"))).map(order -> order.get("id").toString()).toList();
    }

    private static UUID anOrderableProduct() {
        UUID product = UUID.fromString(Callers.aTrustedClient().baseUri(system.catalog()).contentType(ContentType.JSON)
                .body(Map.of("name", "Idempotent pen " + UUID.randomUUID(), "price", 2)).post("/products")
                .then().statusCode(201).extract().path("id"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Callers.aTrustedClient().baseUri(system.orders()).get("/products/{id}", product).statusCode() == 200);
        return product;
    }
}
