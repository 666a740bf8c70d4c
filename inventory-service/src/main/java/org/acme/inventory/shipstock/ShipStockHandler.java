package org.acme.inventory.shipstock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
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

    private final EventStore eventStore;
    private final Reservations reservations;
    private final ClosedOrders closedOrders;

    public ShipStockHandler(EventStore eventStore, Reservations reservations, ClosedOrders closedOrders) {
        this.eventStore = eventStore;
        this.reservations = reservations;
        this.closedOrders = closedOrders;
    }

    @Transactional
    public void handle(ShipStock command, CommandMetadata metadata) {
        closedOrders.close(command.orderId(), "shipped");
        for (UUID productId : reservations.productsHeldFor(command.orderId())) {
            StockItem item = eventStore.load(productId, StockItemEvent.class, StockItem::rehydrate).orElseThrow();
            item.ship(command.orderId(), metadata.at());
            eventStore.save(StockItem.STREAM_TYPE, productId, item, "ShipStock", metadata);
        }
    }
}
