package org.acme.inventory.reservations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;

/**
 * Orders inventory heard were cancelled or shipped. Orders publishes OrderPlaced before it can
 * publish their end, but a subscriber cannot rely on receiving them in that order: a placement
 * dead-lettered and redriven later, or replayed, arrives after the order's end. Such an order must
 * not hold stock for ever, so its placement is ignored once the order is closed.
 */
@ApplicationScoped
public class ClosedOrders {

    private final Sql sql;

    public ClosedOrders(Sql sql) {
        this.sql = sql;
    }

    /** Records that the order ended, in the caller's transaction; closing it again changes nothing. */
    public void close(UUID orderId, String how) {
        sql.update("INSERT INTO closed_orders (order_id, closed_by) VALUES (?, ?) ON CONFLICT DO NOTHING", orderId, how);
    }

    public boolean isClosed(UUID orderId) {
        return sql.queryOne("SELECT 1 FROM closed_orders WHERE order_id = ?", row -> true, orderId).orElse(false);
    }
}
