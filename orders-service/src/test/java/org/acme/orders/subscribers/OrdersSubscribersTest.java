package org.acme.orders.subscribers;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.acme.orders.OrdersApi.PATIENCE;
import static org.acme.orders.OrdersApi.aCatalogProduct;
import static org.acme.orders.OrdersApi.cancel;
import static org.acme.orders.OrdersApi.order;
import static org.acme.orders.OrdersApi.placed;
import static org.acme.orders.OrdersApi.productAdded;
import static org.acme.orders.OrdersApi.statusOf;
import static org.acme.orders.OrdersApi.stockReserved;
import static org.acme.orders.OrdersApi.viewedProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acme.infrastructure.subscriptions.Subscription;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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
import org.acme.integrationevents.inventory.ReserveStockRejected;
import org.acme.integrationevents.inventory.Shortage;
import org.acme.integrationevents.inventory.StockAdjusted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Orders' subscribers fed through the real broker: effects, duplicates, order, dead letters. */
@QuarkusTest
class OrdersSubscribersTest {

    @Inject
    Subscription subscription;

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads and writes rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    private QueueProbe deadLetters;

    @BeforeEach
    void watchDeadLetters() throws Exception {
        deadLetters = QueueProbe.ofQueue("orders.integration-events.dlq");
    }

    @AfterEach
    void stopWatching() throws Exception {
        deadLetters.close();
    }

    @Test
    void productAdded_deliveredTwice_showsTheProductOnce() throws Exception {
        UUID productId = UUID.randomUUID();
        Envelope added = productAdded(productId, "Pen", "1.50", 1);
        TestMessages.publish(added);
        TestMessages.publish(added);
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).statusCode(200).body("name", equalTo("Pen")).body("price", equalTo(1.50f));
        assertThat(aTrustedClient().get("/products").then().extract().<List<String>>path("productId"))
                .containsOnlyOnce(productId.toString());
    }

    @Test
    void productAdded_version1_andVersion2_areBothApplied_version2WithItsCategory() throws Exception {
        UUID fromV1 = UUID.randomUUID();
        UUID fromV2 = UUID.randomUUID();
        Envelope version1 = TestMessages.asVersion(productAdded(fromV1, "Old pen", "1.00", 1), ProductAdded.class, 1);
        assertThat(version1.payload().has("category")).isFalse();
        TestMessages.publish(version1);
        TestMessages.publish(productAdded(fromV2, "New pen", "2.00", 1));

        Subscriptions.awaitHandled(subscription, "orders");
        viewedProduct(fromV1).statusCode(200).body("name", equalTo("Old pen")).body("category", nullValue());
        viewedProduct(fromV2).statusCode(200).body("name", equalTo("New pen")).body("category", equalTo("stationery"));
    }

    @Test
    void productUpdated_version1_keepsNoCategory_andVersion2_setsIt() throws Exception {
        UUID productId = aCatalogProduct("1.00");
        Envelope version1 = TestMessages.asVersion(TestMessages.envelope(new ProductUpdated(productId, "Pen", BigDecimal.ONE,
                "ignored"), "catalog", "Product", productId, 2L), ProductUpdated.class, 1);
        TestMessages.publish(version1);
        await().atMost(PATIENCE).until(() -> viewedProduct(productId).extract().path("category") == null);

        TestMessages.publish(TestMessages.envelope(new ProductUpdated(productId, "Pen", BigDecimal.ONE, "pens"),
                "catalog", "Product", productId, 3L));

        await().atMost(PATIENCE).until(() -> "pens".equals(viewedProduct(productId).extract().path("category")));
    }

    @Test
    void aPayloadThatBreaksItsSchema_isDeadLettered_andNothingIsApplied() throws Exception {
        UUID productId = UUID.randomUUID();
        Envelope added = productAdded(productId, "Priceless", "1.00", 1);
        String body = EnvelopeCodec.encodeToString(added).replace("\"price\":1.00", "\"price\":\"free\"");
        TestMessages.publish("catalog", "ProductAdded.v2", added.id().toString(), "ProductAdded", body);

        QueueProbe.Received dead = deadLetters.await(
                message -> added.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("payload of ProductAdded v2 breaks its schema")
                .contains("price");
        viewedProduct(productId).statusCode(404);
    }

    @Test
    void productUpdated_productRemoved_andStockAdjusted_deliveredTwice_changeTheViewOnce() throws Exception {
        UUID productId = aCatalogProduct("1.00");
        Envelope updated = TestMessages.envelope(new ProductUpdated(productId, "Pen", new BigDecimal("1.20"), "pens"),
                "catalog", "Product", productId, 2L);
        Envelope adjusted = TestMessages.envelope(new StockAdjusted(productId, 4, 4, 0, 4), "inventory", "StockItem",
                productId, 2L);
        Envelope removed = TestMessages.envelope(new ProductRemoved(productId), "catalog", "Product", productId, 3L);
        for (Envelope envelope : List.of(updated, updated, adjusted, adjusted, removed, removed)) {
            TestMessages.publish(envelope);
        }
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).statusCode(200).body("price", equalTo(1.20f)).body("available", equalTo(4))
                .body("status", equalTo("REMOVED"));
        assertThat(inboxRowsFor(updated, adjusted, removed)).isEqualTo(3);
    }

    /**
     * The catalog's news and inventory's about one product come from different aggregates, so they
     * may be handled side by side (here the first waits for the row past {@code slow-batch}, and the
     * second is applied beside it), and both change the product's row of the view. The test holds the
     * row while both are handled, so that each has started before the other commits: each change is
     * one statement that waits for the row's lock and writes only its own side's columns, so neither
     * writes back what it read before the other's.
     */
    @Test
    void catalogAndStockNewsOfOneProduct_handledSideBySide_loseNeitherChange() throws Exception {
        UUID productId = aCatalogProduct("1.00");
        publishWhileHolding("SELECT 1 FROM product_view WHERE product_id = ? FOR UPDATE", productId, true,
                TestMessages.envelope(new ProductUpdated(productId, "Pen", new BigDecimal("1.20"), "pens"),
                        "catalog", "Product", productId, 2L),
                TestMessages.envelope(new StockAdjusted(productId, 7, 7, 0, 7), "inventory", "StockItem", productId, 2L));
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).statusCode(200).body("name", equalTo("Pen")).body("price", equalTo(1.20f))
                .body("available", equalTo(7));
    }

    /**
     * The first news of a product from each side, handled side by side, both insert its row: the test
     * holds an uncommitted insert of it, so that both wait on the key, then takes it back. One of the
     * two inserts the row, the other finds it and sets its side's columns in it.
     */
    @Test
    void firstCatalogAndStockNewsOfOneProduct_handledSideBySide_makeOneRowWithBoth() throws Exception {
        UUID productId = UUID.randomUUID();
        publishWhileHolding("INSERT INTO product_view (product_id, removed) VALUES (?, false)", productId, false,
                productAdded(productId, "Lamp", "12.00", 1),
                TestMessages.envelope(new StockAdjusted(productId, 7, 7, 0, 7), "inventory", "StockItem", productId, 2L));
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).statusCode(200).body("name", equalTo("Lamp")).body("price", equalTo(12.00f))
                .body("available", equalTo(7));
    }

    @Test
    void reserveStockRejected_deliveredTwice_rejectsTheOrderOnce() throws Exception {
        UUID productId = aCatalogProduct("2.00");
        UUID orderId = placed(productId, 50);
        Envelope rejected = TestMessages.envelope(new ReserveStockRejected(orderId, "not enough stock for 1 of 1 lines",
                List.of(new Shortage(productId, 50, 3))), "inventory", "Reservation", orderId, null);
        TestMessages.publish(rejected);
        TestMessages.publish(rejected);
        Subscriptions.awaitHandled(subscription, "orders");

        order(orderId).statusCode(200).body("status", equalTo("REJECTED")).header("ETag", equalTo("\"2\""));
    }

    @Test
    void aNewerProductUpdated_arrivingBeforeProductAdded_wins() throws Exception {
        UUID productId = UUID.randomUUID();
        TestMessages.publish(TestMessages.envelope(new ProductUpdated(productId, "Pen v2", new BigDecimal("2.00"), "pens"),
                "catalog", "Product", productId, 2L));
        TestMessages.publish(productAdded(productId, "Pen v1", "1.00", 1));
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).statusCode(200).body("name", equalTo("Pen v2")).body("price", equalTo(2.00f));
    }

    @Test
    void stockAdjusted_beforeTheProductIsKnown_isKept_untilTheCatalogAnnouncesIt() throws Exception {
        UUID productId = UUID.randomUUID();
        TestMessages.publish(TestMessages.envelope(new StockAdjusted(productId, 7, 7, 0, 7), "inventory", "StockItem",
                productId, 2L));
        Subscriptions.awaitHandled(subscription, "orders");
        viewedProduct(productId).statusCode(404);

        TestMessages.publish(productAdded(productId, "Lamp", "12.00", 1));

        await().atMost(PATIENCE).until(() -> viewedProduct(productId).extract().statusCode() == 200);
        viewedProduct(productId).body("available", equalTo(7)).body("name", equalTo("Lamp"));
    }

    @Test
    void anOlderStockAdjusted_arrivingLate_changesNothing() throws Exception {
        UUID productId = aCatalogProduct("3.00");
        TestMessages.publish(TestMessages.envelope(new StockAdjusted(productId, 5, 15, 0, 15), "inventory", "StockItem",
                productId, 3L));
        TestMessages.publish(TestMessages.envelope(new StockAdjusted(productId, 10, 10, 0, 10), "inventory", "StockItem",
                productId, 2L));
        Subscriptions.awaitHandled(subscription, "orders");

        viewedProduct(productId).body("available", equalTo(15));
    }

    @Test
    void stockReserved_deliveredTwice_confirmsTheOrderOnce() throws Exception {
        UUID productId = aCatalogProduct("2.00");
        UUID orderId = placed(productId, 2);
        Envelope reserved = stockReserved(orderId, productId, 2);
        TestMessages.publish(reserved);
        TestMessages.publish(reserved);
        Subscriptions.awaitHandled(subscription, "orders");

        order(orderId).statusCode(200).body("status", equalTo("CONFIRMED")).header("ETag", equalTo("\"2\""));
    }

    @Test
    void reserveStockRejected_rejectsThePendingOrder() throws Exception {
        UUID productId = aCatalogProduct("2.00");
        UUID orderId = placed(productId, 50);

        TestMessages.publish(TestMessages.envelope(new ReserveStockRejected(orderId, "not enough stock for 1 of 1 lines",
                List.of(new Shortage(productId, 50, 3))), "inventory", "Reservation", orderId, null));

        await().atMost(PATIENCE).until(() -> statusOf(orderId).equals("REJECTED"));
    }

    @Test
    void stockReserved_forACancelledOrder_leavesItCancelled() throws Exception {
        UUID productId = aCatalogProduct("2.00");
        UUID orderId = placed(productId, 1);
        cancel(orderId).statusCode(200);

        TestMessages.publish(stockReserved(orderId, productId, 1));
        Subscriptions.awaitHandled(subscription, "orders");

        assertThat(statusOf(orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void stockReserved_forAnOrderOrdersDoesNotKnow_isRetried_thenDeadLetteredWithTheReason() throws Exception {
        UUID unknownOrder = UUID.randomUUID();
        Envelope reserved = stockReserved(unknownOrder, UUID.randomUUID(), 1);
        TestMessages.publish(reserved);

        QueueProbe.Received dead = deadLetters.await(
                message -> reserved.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("failed 3 times")
                .contains("no order " + unknownOrder + " to confirm");
        Subscriptions.awaitHandled(subscription, "orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog:ProductAdded", "catalog:ProductUpdated", "catalog:ProductRemoved",
            "inventory:StockAdjusted", "inventory:StockReserved", "inventory:ReserveStockRejected"})
    void brokenJson_forEachSubscribedEvent_isDeadLetteredWithItsReason_andLaterMessagesFlow(String subscribed) throws Exception {
        String[] publisherAndType = subscribed.split(":");
        String messageId = TestMessages.newId();
        TestMessages.publish(publisherAndType[0], publisherAndType[1] + ".v1", messageId, publisherAndType[1], "not json");

        QueueProbe.Received dead = deadLetters.await(message -> messageId.equals(message.properties().getMessageId()),
                1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString()).startsWith("malformed envelope");
        assertThat(dead.properties().getHeaders().get("x-original-exchange").toString())
                .isEqualTo(publisherAndType[0] + ".events");
        Subscriptions.awaitHandled(subscription, "orders");
    }

    @Test
    void anUnknownVersion_isDeadLettered_asUnsupported_andNothingIsApplied() throws Exception {
        UUID productId = UUID.randomUUID();
        Envelope added = productAdded(productId, "Future", "1.00", 1);
        TestMessages.publish("catalog", "ProductAdded.v7", added.id().toString(), "ProductAdded",
                TestMessages.withSchemaVersion(added, 7));

        QueueProbe.Received dead = deadLetters.await(
                message -> added.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("unsupported version 7 of ProductAdded");
        viewedProduct(productId).statusCode(404);
    }

    @Test
    void anUnknownType_isDeadLettered() throws Exception {
        Envelope added = productAdded(UUID.randomUUID(), "Mislabelled", "1.00", 1);
        String body = EnvelopeCodec.encodeToString(added).replace("\"type\":\"ProductAdded\"", "\"type\":\"ProductLiked\"");
        TestMessages.publish("catalog", "ProductAdded.v1", added.id().toString(), "ProductLiked", body);

        QueueProbe.Received dead = deadLetters.await(
                message -> added.id().toString().equals(message.properties().getMessageId()), 1, PATIENCE).get(0);
        assertThat(dead.properties().getHeaders().get("x-dead-letter-reason").toString())
                .startsWith("unknown event type ProductLiked");
    }

    /**
     * Runs {@code hold} (one parameter: the product) in a transaction of the test's own, publishes the
     * news, waits until each of them waits for a lock behind it, then commits or rolls the hold back.
     */
    private void publishWhileHolding(String hold, UUID productId, boolean commit, Envelope... news) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement statement = holder.prepareStatement(hold)) {
                statement.setObject(1, productId);
                statement.execute();
            }
            for (Envelope envelope : news) {
                TestMessages.publish(envelope);
            }
            await().atMost(PATIENCE).until(() -> sessionsWaitingForALock() == news.length);
            if (commit) {
                holder.commit();
            } else {
                holder.rollback();
            }
        }
    }

    private int sessionsWaitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** How many inbox rows the subscribers wrote for these events: one each, however often delivered. */
    private int inboxRowsFor(Envelope... events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ANY (?)")) {
            count.setArray(1, connection.createArrayOf("uuid",
                    Arrays.stream(events).map(Envelope::id).toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
