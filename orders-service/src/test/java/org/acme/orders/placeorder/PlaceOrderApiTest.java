package org.acme.orders.placeorder;

import static org.acme.orders.OrdersApi.PATIENCE;
import static org.acme.orders.OrdersApi.aCatalogProduct;
import static org.acme.orders.OrdersApi.anOrderOf;
import static org.acme.orders.OrdersApi.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.TestServers;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.catalog.ProductRemoved;
import org.acme.orders.OrdersApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestServers.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "orders_test"), @ResourceArg(name = "context", value = "orders")})
class PlaceOrderApiTest {

    private QueueProbe ordersEvents;

    @BeforeEach
    void listen() throws Exception {
        ordersEvents = QueueProbe.on("orders", "#");
    }

    @AfterEach
    void stopListening() throws Exception {
        ordersEvents.close();
    }

    @Test
    void placeOrder_answersCreated_pricedFromTheProductView_andPublishesOrderPlaced() throws Exception {
        UUID pen = aCatalogProduct("1.50");
        UUID ink = aCatalogProduct("4.25");
        Map<String, Object> body = Map.of("customerId", UUID.randomUUID().toString(), "lines", List.of(
                Map.of("productId", pen.toString(), "quantity", 3), Map.of("productId", ink.toString(), "quantity", 2)));

        String id = place(body).statusCode(201)
                .header("Location", matchesPattern(".*/orders/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("PENDING"))
                .body("total", equalTo(13.00f))
                .body("lines.lineTotal", hasItem(4.50f))
                .extract().path("id");

        JsonNode envelope = EnvelopeCodec.readTree(ordersEvents.await(message ->
                message.routingKey().equals("OrderPlaced.v1") && message.body().contains(id), 1, PATIENCE).get(0).body());
        JsonNode lines = envelope.get("payload").get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).has("unitPrice")).isFalse();
        assertThat(envelope.get("payload").get("orderId").asText()).isEqualTo(id);
        assertThat(envelope.get("metadata").get("commandType").asText()).isEqualTo("PlaceOrder");
    }

    @Test
    void placeOrder_fails_withUnprocessable_forUnknownProduct_andPublishesPlaceOrderRejected() {
        UUID unknown = UUID.randomUUID();

        place(anOrderOf(unknown, 1)).statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("unknown or removed products: [" + unknown + "]"));

        JsonNode rejection = EnvelopeCodec.readTree(ordersEvents.await(message ->
                message.routingKey().equals("PlaceOrderRejected.v1") && message.body().contains(unknown.toString()),
                1, PATIENCE).get(0).body());
        assertThat(rejection.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        assertThat(rejection.get("payload").get("productIds").get(0).asText()).isEqualTo(unknown.toString());
    }

    @Test
    void placeOrder_fails_withUnprocessable_forARemovedProduct() throws Exception {
        UUID productId = aCatalogProduct("2.00");
        TestMessages.publish(TestMessages.envelope(new ProductRemoved(productId), "catalog", "Product", productId, 2L));
        await().atMost(PATIENCE).until(() -> "REMOVED".equals(OrdersApi.viewedProduct(productId).extract().path("status")));

        place(anOrderOf(productId, 1)).statusCode(422).contentType("application/problem+json");
    }

    @Test
    void placeOrder_fails_withBadRequest_namingTheFieldsAtFault() {
        place(Map.of("lines", List.of(Map.of("quantity", 0)))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("customerId"))
                .body("errors.field", hasItem("lines[0].productId"))
                .body("errors.field", hasItem("lines[0].quantity"));
    }

    @Test
    void placeOrder_withoutLines_fails_withBadRequest() {
        place(Map.of("customerId", UUID.randomUUID().toString(), "lines", List.of())).statusCode(400)
                .body("errors[0].field", equalTo("lines"));
    }

    @Test
    void placeOrder_withTheSameProductTwice_fails_withBadRequest() {
        UUID productId = UUID.randomUUID();
        place(Map.of("customerId", UUID.randomUUID().toString(), "lines", List.of(
                Map.of("productId", productId.toString(), "quantity", 1),
                Map.of("productId", productId.toString(), "quantity", 2)))).statusCode(400)
                .body("errors[0].field", equalTo("lines[1].productId"));
    }
}
