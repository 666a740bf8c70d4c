package org.acme.inventory.shipstock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.session.InSequence;
import org.acme.inventory.reservations.ClosedOrders;
import org.acme.inventory.reservations.Reservations;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemEvent;

/**
 * Ships what stock items hold for an order. Internal to inventory: nothing is published. The order
 * is closed: a placement arriving later reserves nothing.
 */
@ApplicationScoped
public class ShipStockHandler {

    private static final String COMMAND = "ShipStock";

    private final EventStore eventStore;
    private final Reservations reservations;
    private final ClosedOrders closedOrders;

    public ShipStockHandler(EventStore eventStore, Reservations reservations, ClosedOrders closedOrders) {
        this.eventStore = eventStore;
        this.reservations = reservations;
        this.closedOrders = closedOrders;
    }

    @WithTransaction
    public Uni<Void> handle(ShipStock command, CommandMetadata metadata) {
        return closedOrders.close(command.orderId(), "shipped", metadata.at())
                .chain(() -> reservations.productsHeldFor(command.orderId()))
                .chain(products -> InSequence.each(products, productId -> ship(productId, command, metadata)));
    }

    private Uni<?> ship(UUID productId, ShipStock command, CommandMetadata metadata) {
        return eventStore.load(productId, StockItemEvent.class, StockItem::rehydrate)
                .onItem().transform(found -> found.orElseThrow())
                .invoke(item -> item.ship(command.orderId(), metadata.at()))
                .chain(item -> eventStore.save(StockItem.STREAM_TYPE, productId, item, COMMAND, metadata));
    }
}
