package org.acme.orders.placeorder;

import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.acme.orders.OrdersApi.aCatalogProduct;
import static org.acme.orders.OrdersApi.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.acme.infrastructure.retention.Retention;
import org.junit.jupiter.api.Test;

/**
 * A client that sends {@code POST /orders} again after a timeout, with the same Idempotency-Key,
 * gets the first answer and one order; also when both requests race.
 */
@QuarkusTest
class PlaceOrderIdempotencyApiTest {

    private static final String CUSTOMER = "customer-ida";

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    @Inject
    Retention retention;

    @Test
    void theSameKeyTwice_withTheSameBody_answersTheFirstAnswerAgain_andPlacesOneOrder() throws Exception {
        Map<String, Object> order = anOrderOf(aCatalogProduct("2.50"), 2);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = place(key, order).statusCode(201).extract();
        ExtractableResponse<Response> again = place(key, order).statusCode(201).header("Idempotent-Replayed", "true").extract();

        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(ordersOf(order)).isEqualTo(1);
    }

    @Test
    void theSameKeyTwiceAtOnce_placesOneOrder_andBothAnswersAreTheSame() throws Exception {
        Map<String, Object> order = anOrderOf(aCatalogProduct("3.00"), 1);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<ExtractableResponse<Response>>> racing = List.of(
                CompletableFuture.supplyAsync(() -> await(start, () -> place(key, order).extract())),
                CompletableFuture.supplyAsync(() -> await(start, () -> place(key, order).extract())));
        start.countDown();
        List<ExtractableResponse<Response>> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(answers.get(0).body().asString()).isEqualTo(answers.get(1).body().asString());
        assertThat(answers).extracting(answer -> answer.header("Idempotent-Replayed")).containsOnlyOnce("true");
        assertThat(ordersOf(order)).isEqualTo(1);
    }

    @Test
    void theSameKey_withAnotherBody_isRefused_withUnprocessable_namingTheKey() throws Exception {
        UUID product = aCatalogProduct("4.00");
        String key = UUID.randomUUID().toString();
        place(key, anOrderOf(product, 1)).statusCode(201);

        place(key, anOrderOf(product, 5))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://acme.org/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aRefusedCommand_isAnsweredTheSameAgain_andRefusedOnce() throws Exception {
        Map<String, Object> unknownProduct = anOrderOf(UUID.randomUUID(), 1);
        String key = UUID.randomUUID().toString();

        String first = place(key, unknownProduct).statusCode(422).contentType("application/problem+json").extract().asString();
        String again = place(key, unknownProduct).statusCode(422).header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(rejectionsOf(unknownProduct)).isEqualTo(1);
    }

    @Test
    void aKeyIsItsCallersOwn_anotherCallersSameKeyIsAnotherCommand() throws Exception {
        Map<String, Object> order = anOrderOf(aCatalogProduct("5.00"), 1);
        String key = UUID.randomUUID().toString();

        place(key, order).statusCode(201);
        aCaller("customer-jon", "customer").header("Idempotency-Key", key).contentType(ContentType.JSON).body(order)
                .when().post("/orders").then().statusCode(201).header("Idempotent-Replayed", (String) null);

        assertThat(ordersOf(order)).isEqualTo(2);
    }

    @Test
    void aKeyThatIsNoKey_isRefused_withBadRequest() {
        place("not a key, spaces", anOrderOf(UUID.randomUUID(), 1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keysPastTheirRetention_arePurged_andTheOthersKept() throws Throwable {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        insertKey(old, "now() - interval '25 hours'");
        insertKey(recent, "now() - interval '23 hours'");

        VertxContextSupport.subscribeAndAwait(() -> retention.purge());

        assertThat(keyExists(old)).as("past the 24 h").isFalse();
        assertThat(keyExists(recent)).as("within the 24 h").isTrue();
    }

    private static io.restassured.response.ValidatableResponse place(String key, Map<String, Object> order) {
        return aCaller(CUSTOMER, "customer").header("Idempotency-Key", key).contentType(ContentType.JSON).body(order)
                .when().post("/orders").then();
    }

    private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request.get();
    }

    /** Orders the read model holds for the order's customer. */
    private int ordersOf(Map<String, Object> order) throws SQLException {
        return count("SELECT count(*) FROM events WHERE event_type LIKE '%OrderPlacedEvent' AND data->>'customerId' = ?",
                order.get("customerId").toString());
    }

    private int rejectionsOf(Map<String, Object> order) throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE event_type = 'PlaceOrderRejected' AND envelope->'payload'->>'customerId' = ?",
                order.get("customerId").toString());
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private void insertKey(String key, String createdAt) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO idempotency_keys (caller, key, request, status, created_at) VALUES ('purged-test', ?, 'POST /orders x', 201, "
                        + createdAt + ")")) {
            statement.setString(1, key);
            statement.executeUpdate();
        }
    }

    private boolean keyExists(String key) {
        try {
            return count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
