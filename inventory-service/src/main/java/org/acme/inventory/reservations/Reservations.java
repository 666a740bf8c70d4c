package org.acme.inventory.reservations;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Which stock items hold how much for which order. Kept in the transaction of every stock item
 * event, it is as current as the streams: handlers read it to release or ship an order's holdings
 * and to see that an order is already reserved, so that a stock item need not remember its orders.
 */
@ApplicationScoped
public class Reservations implements PanacheRepositoryBase<HeldStock, HeldStock.Key> {

    /** What the order holds, by product id. */
    public Uni<List<HeldStock>> heldFor(UUID orderId) {
        return find("orderId", Sort.by("productId"), orderId).list();
    }

    /** The order no longer holds the product's stock. */
    Uni<Long> release(UUID orderId, UUID productId) {
        return delete("orderId = ?1 and productId = ?2", orderId, productId);
    }
}
