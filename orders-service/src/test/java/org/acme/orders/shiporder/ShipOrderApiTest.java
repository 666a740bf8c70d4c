package org.acme.orders.shiporder;

import static org.acme.orders.OrdersApi.PATIENCE;
import static org.acme.orders.OrdersApi.aCatalogProduct;
import static org.acme.orders.OrdersApi.aConfirmedOrder;
import static org.acme.orders.OrdersApi.cancel;
import static org.acme.orders.OrdersApi.placed;
import static org.acme.orders.OrdersApi.ship;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipOrderApiTest {

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
    void shipOrder_ofAConfirmedOrder_answersShipped_andPublishesOrderShipped() throws Exception {
        UUID orderId = aConfirmedOrder();

        ship(orderId).statusCode(200).body("status", equalTo("SHIPPED"));

        ordersEvents.await(message -> message.routingKey().equals("OrderShipped.v1")
                && message.body().contains(orderId.toString()), 1, PATIENCE);
    }

    @Test
    void shipOrder_ofAPendingOrder_fails_withConflict() throws Exception {
        UUID orderId = placed(aCatalogProduct("1.00"), 1);

        ship(orderId).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shipOrder_ofACancelledOrder_fails_withConflict_andPublishesShipOrderRejected() throws Exception {
        UUID orderId = aConfirmedOrder();
        cancel(orderId).statusCode(200);

        ship(orderId).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot ship an order in status CANCELLED: only a CONFIRMED order ships"));

        ordersEvents.await(message -> message.routingKey().equals("ShipOrderRejected.v1")
                && message.body().contains(orderId.toString()), 1, PATIENCE);
    }
}
