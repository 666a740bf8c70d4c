package org.acme.inventory.reservations;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;

/**
 * Orders inventory heard were cancelled or shipped. Orders publishes OrderPlaced before it can
 * publish their end, but a subscriber cannot rely on receiving them in that order: a placement
 * dead-lettered and redriven later, or replayed, arrives after the order's end. Such an order must
 * not hold stock for ever, so its placement is ignored once the order is closed
 * ({@link Reservations#known}).
 */
@ApplicationScoped
public class ClosedOrders {

    private final Sql sql;

    public ClosedOrders(Sql sql) {
        this.sql = sql;
    }

    /** Records that the order ended, in the caller's transaction; closing it again changes nothing. */
    public Uni<Void> close(UUID orderId, String how, Instant at) {
        return sql.update("INSERT INTO closed_orders (order_id, closed_by, closed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                orderId, how, at).replaceWithVoid();
    }
}
