package org.acme.inventory.reservations;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.sql.SqlRow;

/**
 * Which stock items hold how much for which order. Kept in the transaction of every stock item
 * event, it is as current as the streams: handlers read it to release or ship an order's holdings
 * and to see that an order is already reserved, so that a stock item need not remember its orders.
 * Plain statements on the transaction's session, one per read or write: a reservation is the hot
 * path of the saga, and a managed entity would cost a load and a dirty check on every flush.
 */
@ApplicationScoped
public class Reservations {

    /** The order's end, if inventory heard it (a row without a product, first), then its holdings by product id. */
    private static final String KNOWN = "SELECT CAST(NULL AS uuid), 0 FROM closed_orders WHERE order_id = ?"
            + " UNION ALL SELECT product_id, quantity FROM reservations WHERE order_id = ? ORDER BY 1 NULLS FIRST";

    private final Sql sql;

    public Reservations(Sql sql) {
        this.sql = sql;
    }

    /** What the order holds, by product id. */
    public Uni<List<HeldStock>> heldFor(UUID orderId) {
        return known(orderId).map(KnownOrder::held);
    }

    /** Whether the order ended and what it holds, in one statement: asked once per placement. */
    public Uni<KnownOrder> known(UUID orderId) {
        return sql.query(KNOWN, orderId, orderId).map(rows -> {
            boolean closed = !rows.isEmpty() && rows.get(0).uuid(0) == null;
            return new KnownOrder(closed, rows.stream().skip(closed ? 1 : 0).map(row -> held(orderId, row)).toList());
        });
    }

    Uni<Void> hold(UUID orderId, UUID productId, int quantity) {
        return sql.update("INSERT INTO reservations (order_id, product_id, quantity) VALUES (?, ?, ?)", orderId, productId, quantity)
                .replaceWithVoid();
    }

    /** The order no longer holds the product's stock. */
    Uni<Void> release(UUID orderId, UUID productId) {
        return sql.update("DELETE FROM reservations WHERE order_id = ? AND product_id = ?", orderId, productId).replaceWithVoid();
    }

    private static HeldStock held(UUID orderId, SqlRow row) {
        return new HeldStock(orderId, row.uuid(0), (int) row.number(1));
    }
}
