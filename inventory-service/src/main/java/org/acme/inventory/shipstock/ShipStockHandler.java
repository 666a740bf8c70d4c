package org.acme.inventory.shipstock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.session.InSequence;
import org.acme.inventory.reservations.ClosedOrders;
import org.acme.inventory.reservations.HeldStock;
import org.acme.inventory.reservations.Reservations;
import org.acme.inventory.stockitemstore.StockItemStore;

/**
 * Ships what stock items hold for an order. Internal to inventory: nothing is published. The order
 * is closed: a placement arriving later reserves nothing.
 */
@ApplicationScoped
public class ShipStockHandler {

    private static final String COMMAND = "ShipStock";

    private final StockItemStore stockItems;
    private final Reservations reservations;
    private final ClosedOrders closedOrders;

    public ShipStockHandler(StockItemStore stockItems, Reservations reservations, ClosedOrders closedOrders) {
        this.stockItems = stockItems;
        this.reservations = reservations;
        this.closedOrders = closedOrders;
    }

    @WithTransaction
    public Uni<Void> handle(ShipStock command, CommandMetadata metadata) {
        return closedOrders.close(command.orderId(), "shipped", metadata.at())
                .chain(() -> reservations.heldFor(command.orderId()))
                .chain(holdings -> InSequence.each(holdings, held -> ship(held, metadata)));
    }

    private Uni<?> ship(HeldStock held, CommandMetadata metadata) {
        return stockItems.load(held.productId())
                .onItem().transform(found -> found.orElseThrow())
                .invoke(item -> item.ship(held.orderId(), held.quantity(), metadata.at()))
                .chain(item -> stockItems.save(item, COMMAND, metadata));
    }
}
