package org.acme.inventory.reservations;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The stock items that hold something for an order. */
@ApplicationScoped
public class Reservations implements PanacheRepositoryBase<HeldStock, HeldStock.Key> {

    public Uni<List<UUID>> productsHeldFor(UUID orderId) {
        return find("orderId", Sort.by("productId"), orderId).list()
                .onItem().transform(held -> held.stream().map(holding -> holding.productId).toList());
    }
}
