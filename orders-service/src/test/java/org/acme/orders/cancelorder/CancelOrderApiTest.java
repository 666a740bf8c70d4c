package org.acme.orders.cancelorder;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.acme.orders.OrdersApi.PATIENCE;
import static org.acme.orders.OrdersApi.aCatalogProduct;
import static org.acme.orders.OrdersApi.aConfirmedOrder;
import static org.acme.orders.OrdersApi.cancel;
import static org.acme.orders.OrdersApi.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.integrationevents.EnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancelOrderApiTest {

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
    void cancelOrder_ofAConfirmedOrder_answersCancelled_andPublishesOrderCancelled() throws Exception {
        UUID orderId = aConfirmedOrder();

        cancel(orderId).statusCode(200).body("status", equalTo("CANCELLED")).header("ETag", equalTo("\"3\""));

        JsonNode envelope = EnvelopeCodec.readTree(ordersEvents.await(message ->
                message.routingKey().equals("OrderCancelled.v1") && message.body().contains(orderId.toString()),
                1, PATIENCE).get(0).body());
        assertThat(envelope.get("metadata").get("aggregateVersion").asLong()).isEqualTo(3);
    }

    @Test
    void cancelOrder_twice_fails_withConflict_andPublishesCancelOrderRejected() throws Exception {
        UUID orderId = placed(aCatalogProduct("1.00"), 1);
        cancel(orderId).statusCode(200);

        cancel(orderId).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot cancel an order in status CANCELLED"));

        ordersEvents.await(message -> message.routingKey().equals("CancelOrderRejected.v1")
                && message.body().contains(orderId.toString()), 1, PATIENCE);
    }

    @Test
    void cancelOrder_withAStaleIfMatch_fails_withPreconditionFailed() throws Exception {
        UUID orderId = aConfirmedOrder();

        aTrustedClient().header("If-Match", "\"1\"").when().post("/orders/{id}/cancel", orderId)
                .then().statusCode(412);
    }

    @Test
    void cancelOrder_ofAnUnknownOrder_fails_withNotFound() {
        cancel(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }
}
