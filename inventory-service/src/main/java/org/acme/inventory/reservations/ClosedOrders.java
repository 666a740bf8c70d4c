package org.acme.inventory.reservations;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Orders inventory heard were cancelled or shipped. Orders publishes OrderPlaced before it can
 * publish their end, but a subscriber cannot rely on receiving them in that order: a placement
 * dead-lettered and redriven later, or replayed, arrives after the order's end. Such an order must
 * not hold stock for ever, so its placement is ignored once the order is closed.
 */
@ApplicationScoped
public class ClosedOrders implements PanacheRepositoryBase<ClosedOrder, UUID> {

    /** Records that the order ended, in the caller's transaction; closing it again changes nothing. */
    public Uni<Void> close(UUID orderId, String how, Instant at) {
        return findById(orderId).chain(closed -> closed != null ? Uni.createFrom().voidItem() : persist(closedOrder(orderId, how, at)).replaceWithVoid());
    }

    public Uni<Boolean> isClosed(UUID orderId) {
        return findById(orderId).onItem().transform(closed -> closed != null);
    }

    private static ClosedOrder closedOrder(UUID orderId, String how, Instant at) {
        ClosedOrder closed = new ClosedOrder();
        closed.orderId = orderId;
        closed.closedBy = how;
        closed.closedAt = at;
        return closed;
    }
}
