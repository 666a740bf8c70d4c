package org.acme.inventory.subscribers;

import static org.acme.inventory.InventoryApi.PATIENCE;
import static org.acme.inventory.InventoryApi.aStockedProduct;
import static org.acme.inventory.InventoryApi.aTrackedProduct;
import static org.acme.inventory.InventoryApi.orderPlaced;
import static org.acme.inventory.InventoryApi.productAdded;
import static org.acme.inventory.InventoryApi.stockField;
import static org.acme.inventory.InventoryApi.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acme.infrastructure.subscriptions.Subscription;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.Subscriptions;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.integrationevents.catalog.ProductRemoved;
import org.acme.integrationevents.catalog.ProductUpdated;
import org.acme.integrationevents.orders.OrderCancelled;
import org.acme.integrationevents.orders.OrderPlaced;
import org.acme.integrationevents.orders.OrderShipped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inventory's subscribers fed through the real broker: effects, duplicates, order, dead letters. */
@QuarkusTest
class InventorySubscribersTest {

    @Inject
    Subscription subscription;

    private QueueProbe inventoryEvents;
    private QueueProbe deadLetters;

    @BeforeEach
    void listen() throws Exception {
        inventoryEvents = QueueProbe.on("inventory", "#");
        deadLetters = QueueProbe.ofQueue("inventory.integration-events.dlq");
    }

    @AfterEach
    void stopListening() throws Exception {
        inventoryEvents.close();
        deadLetters.close();
    }

    @Test
    void productAdded_deliveredTwice_tracksOneStockItem() throws Exception {
        UUID productId = UUID.randomUUID();
        Envelope added = productAdded(productId, "Lamp", 1);
        TestMessages.publish(added);
        TestMessages.publish(added);
        Subscriptions.awaitHandled(subscription, "inventory");

        stockOf(productId).statusCode(200).body("name", equalTo("Lamp")).body("version", equalTo(1));
    }

    @Test
    void productAdded_version1_andVersion2_bothTrackAStockItem() throws Exception {
        UUID fromV1 = UUID.randomUUID();
        UUID fromV2 = UUID.randomUUID();
        TestMessages.publish(TestMessages.asVersion(productAdded(fromV1, "Old lamp", 1), ProductAdded.class, 1));
        TestMessages.publish(productAdded(fromV2, "New lamp", 1));

        Subscriptions.awaitHandled(subscription, "inventory");
        stockOf(fromV1).statusCode(200).body("name", equalTo("Old lamp"));
        stockOf(fromV2).statusCode(200).body("name", equalTo("New lamp"));
    }

    @Test
    void productUpdated_beforeProductAdded_keepsTheNewerName() throws Exception {
        UUID productId = UUID.randomUUID();
        TestMessages.publish(TestMessages.envelope(new ProductUpdated(productId, "Lamp v2", BigDecimal.ONE, null),
                "catalog", "Product", productId, 2L));
        TestMessages.publish(productAdded(productId, "Lamp v1", 1));
        Subscriptions.awaitHandled(subscription, "inventory");

        stockOf(productId).statusCode(200).body("name", equalTo("Lamp v2"));
    }

    @Test
    void productUpdated_deliveredTwice_renamesOnce() throws Exception {
        UUID productId = aTrackedProduct();
        Envelope updated = TestMessages.envelope(new ProductUpdated(productId, "Renamed lamp", BigDecimal.ONE, null),
                "catalog", "Product", productId, 2L);
        TestMessages.publish(updated);
        TestMessages.publish(updated);
        Subscriptions.awaitHandled(subscription, "inventory");

        stockOf(productId).statusCode(200).body("name", equalTo("Renamed lamp")).body("version", equalTo(2));
    }

    @Test
    void productRemoved_deliveredTwice_discontinuesOnce() throws Exception {
        UUID productId = aTrackedProduct();
        Envelope removed = TestMessages.envelope(new ProductRemoved(productId), "catalog", "Product", productId, 2L);
        TestMessages.publish(removed);
        TestMessages.publish(removed);
        Subscriptions.awaitHandled(subscription, "inventory");

        stockOf(productId).statusCode(200).body("status", equalTo("DISCONTINUED")).body("version", equalTo(2));
    }

    @Test
    void productRemoved_discontinuesTheItem_andItTakesNoReservation() throws Exception {
        UUID productId = aStockedProduct(5);
        TestMessages.publish(TestMessages.envelope(new ProductRemoved(productId), "catalog", "Product", productId, 2L));
        await().atMost(PATIENCE).until(() -> "DISCONTINUED".equals(stockOf(productId).extract().path("status")));

        UUID orderId = UUID.randomUUID();
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(productId, 1)));

        JsonNode rejection = awaitEvent("ReserveStockRejected.v1", orderId);
        assertThat(rejection.get("payload").get("shortages").get(0).get("available").asInt()).isZero();
    }

    @Test
    void orderPlaced_deliveredTwice_reservesOnce_andPublishesStockReservedOnce() throws Exception {
        UUID productId = aStockedProduct(10);
        UUID orderId = UUID.randomUUID();
        Envelope placed = orderPlaced(orderId, new OrderPlaced.Line(productId, 3));
        TestMessages.publish(placed);
        TestMessages.publish(placed);
        Subscriptions.awaitHandled(subscription, "inventory");

        assertThat(stockField(productId, "reserved")).isEqualTo(3);
        JsonNode reserved = awaitEvent("StockReserved.v1", orderId);
        assertThat(reserved.get("payload").get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(inventoryEvents.matching(message -> message.routingKey().equals("StockReserved.v1")
                && message.body().contains(orderId.toString()))).hasSize(1);
    }

    @Test
    void orderPlaced_againAsAnotherMessage_reservesNothingMore_andAnswersWhatTheOrderHolds() throws Exception {
        UUID productId = aStockedProduct(10);
        UUID orderId = UUID.randomUUID();
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(productId, 3)));
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(productId, 3)));

        List<QueueProbe.Received> answers = inventoryEvents.await(message -> message.routingKey().equals("StockReserved.v1")
                && message.body().contains(orderId.toString()), 2, PATIENCE);

        assertThat(answers).allSatisfy(answer -> assertThat(EnvelopeCodec.readTree(answer.body())
                .get("payload").get("lines").get(0).get("quantity").asInt()).isEqualTo(3));
        assertThat(stockField(productId, "reserved")).isEqualTo(3);
        assertThat(stockField(productId, "available")).isEqualTo(7);
    }

    @Test
    void orderPlaced_thatOneLineCannotMeet_reservesNothing_andNamesTheShortLine() throws Exception {
        UUID plenty = aStockedProduct(10);
        UUID scarce = aStockedProduct(1);
        UUID orderId = UUID.randomUUID();

        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(plenty, 2), new OrderPlaced.Line(scarce, 2)));

        JsonNode rejection = awaitEvent("ReserveStockRejected.v1", orderId);
        assertThat(rejection.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        JsonNode shortages = rejection.get("payload").get("shortages");
        assertThat(shortages).hasSize(1);
        assertThat(shortages.get(0).get("productId").asText()).isEqualTo(scarce.toString());
        assertThat(shortages.get(0).get("requested").asInt()).isEqualTo(2);
        assertThat(shortages.get(0).get("available").asInt()).isEqualTo(1);
        assertThat(stockField(plenty, "reserved")).isZero();
        assertThat(stockField(scarce, "reserved")).isZero();
    }

    @Test
    void orderPlaced_forAProductInventoryHasNotSeen_isRejected_withNothingAvailable() throws Exception {
        UUID orderId = UUID.randomUUID();
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(UUID.randomUUID(), 1)));

        JsonNode rejection = awaitEvent("ReserveStockRejected.v1", orderId);
        assertThat(rejection.get("payload").get("shortages").get(0).get("available").asInt()).isZero();
    }

    @Test
    void orderCancelled_deliveredTwice_releasesOnce() throws Exception {
        UUID productId = aStockedProduct(10);
        UUID orderId = UUID.randomUUID();
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(productId, 4)));
        awaitEvent("StockReserved.v1", orderId);
        Envelope cancelled = TestMessages.envelope(new OrderCancelled(orderId), "orders", "Order", orderId, 2L);

        TestMessages.publish(cancelled);
        TestMessages.publish(cancelled);
        Subscriptions.awaitHandled(subscription, "inventory");

        assertThat(stockField(productId, "reserved")).isZero();
        assertThat(stockField(productId, "available")).isEqualTo(10);
        JsonNode released = awaitEvent("StockReleased.v1", orderId);
        assertThat(released.get("payload").get("lines").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(inventoryEvents.matching(message -> message.routingKey().equals("StockReleased.v1")
                && message.body().contains(orderId.toString()))).hasSize(1);
    }

    @Test
    void orderPlaced_arrivingAfterItsCancellation_reservesNothing_andAnswersNothing() throws Exception {
        UUID productId = aStockedProduct(10);
        UUID lateOrder = UUID.randomUUID();
        TestMessages.publish(TestMessages.envelope(new OrderCancelled(lateOrder), "orders", "Order", lateOrder, 2L));
        TestMessages.publish(orderPlaced(lateOrder, new OrderPlaced.Line(productId, 4)));
        UUID nextOrder = UUID.randomUUID();
        TestMessages.publish(orderPlaced(nextOrder, new OrderPlaced.Line(productId, 1)));
        Subscriptions.awaitHandled(subscription, "inventory");

        // The late placement came first, and the relay publishes in outbox order: an answer to it,
        // had there been one, would be out by now.
        awaitEvent("StockReserved.v1", nextOrder);
        assertThat(stockField(productId, "reserved")).isEqualTo(1);
        assertThat(inventoryEvents.matching(message -> message.body().contains(lateOrder.toString()))).isEmpty();
    }

    @Test
    void orderShipped_deliveredTwice_shipsOnce() throws Exception {
        UUID productId = aStockedProduct(10);
        UUID orderId = UUID.randomUUID();
        TestMessages.publish(orderPlaced(orderId, new OrderPlaced.Line(productId, 4)));
        awaitEvent("StockReserved.v1", orderId);
        Envelope shipped = TestMessages.envelope(new OrderShipped(orderId), "orders", "Order", orderId, 3L);

        TestMessages.publish(shipped);
        TestMessages.publish(shipped);
        Subscriptions.awaitHandled(subscription, "inventory");

        assertThat(stockField(productId, "onHand")).isEqualTo(6);
        assertThat(stockField(productId, "reserved")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog:ProductAdded", "catalog:ProductUpdated", "catalog:ProductRemoved",
            "orders:OrderPlaced", "orders:OrderCancelled", "orders:OrderShipped"})
    void brokenJson_forEachSubscribedEvent_isDeadLetteredWithItsReason_andLaterMessagesFlow(String subscribed) throws Exception {
        String[] publisherAndType = subscribed.split(":");
        String messageId = TestMessages.newId();
        TestMessages.publish(publisherAndType[0], publisherAndType[1] + ".v1", messageId, publisherAndType[1], "{\"id\":");

        QueueProbe.Received dead = deadLetters.await(message -> messageId.equals(message.properties().getMessageId()),
                1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString()).startsWith("malformed envelope");
        Subscriptions.awaitHandled(subscription, "inventory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProductAdded", "OrderPlaced"})
    void anUnknownVersion_isDeadLettered_asUnsupported(String type) throws Exception {
        UUID id = UUID.randomUUID();
        Envelope envelope = type.equals("ProductAdded") ? productAdded(id, "Future", 1)
                : orderPlaced(id, new OrderPlaced.Line(UUID.randomUUID(), 1));
        TestMessages.publish(envelope.metadata().publisher(), type + ".v99", envelope.id().toString(), type,
                TestMessages.withSchemaVersion(envelope, 99));

        QueueProbe.Received dead = deadLetters.await(
                message -> envelope.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("unsupported version 99 of " + type);
        if (type.equals("ProductAdded")) {
            stockOf(id).statusCode(404);
        }
    }

    @Test
    void anUnknownType_isDeadLettered() throws Exception {
        UUID productId = UUID.randomUUID();
        Envelope envelope = productAdded(productId, "Mislabelled", 1);
        String body = EnvelopeCodec.encodeToString(envelope).replace("\"type\":\"ProductAdded\"", "\"type\":\"ProductRenamed\"");
        TestMessages.publish("catalog", "ProductAdded.v1", envelope.id().toString(), "ProductRenamed", body);

        QueueProbe.Received dead = deadLetters.await(
                message -> envelope.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("unknown event type ProductRenamed");
    }

    private JsonNode awaitEvent(String routingKey, UUID orderId) {
        List<QueueProbe.Received> found = inventoryEvents.await(message -> message.routingKey().equals(routingKey)
                && message.body().contains(orderId.toString()), 1, PATIENCE);
        return EnvelopeCodec.readTree(found.get(0).body());
    }
}
