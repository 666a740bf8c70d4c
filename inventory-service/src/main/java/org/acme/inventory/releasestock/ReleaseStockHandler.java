package org.acme.inventory.releasestock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.inventory.ReservedLine;
import org.acme.integrationevents.inventory.StockReleased;
import org.acme.inventory.reservations.ClosedOrders;
import org.acme.inventory.reservations.Reservations;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemEvent;

/**
 * Releases what stock items hold for an order and publishes StockReleased. An order that holds
 * nothing (its reservation was rejected, or its placement has not arrived yet) releases nothing and
 * publishes nothing. Either way the order is closed: a placement arriving later reserves nothing.
 */
@ApplicationScoped
public class ReleaseStockHandler {

    private static final String COMMAND = "ReleaseStock";

    private final EventStore eventStore;
    private final Reservations reservations;
    private final ClosedOrders closedOrders;
    private final Outbox outbox;

    public ReleaseStockHandler(EventStore eventStore, Reservations reservations, ClosedOrders closedOrders, Outbox outbox) {
        this.eventStore = eventStore;
        this.reservations = reservations;
        this.closedOrders = closedOrders;
        this.outbox = outbox;
    }

    @Transactional
    public void handle(ReleaseStock command, CommandMetadata metadata) {
        closedOrders.close(command.orderId(), "cancelled");
        List<ReservedLine> released = new ArrayList<>();
        for (UUID productId : reservations.productsHeldFor(command.orderId())) {
            StockItem item = eventStore.load(productId, StockItemEvent.class, StockItem::rehydrate).orElseThrow();
            int held = item.heldFor(command.orderId());
            item.release(command.orderId(), metadata.at());
            eventStore.save(StockItem.STREAM_TYPE, productId, item, COMMAND, metadata);
            released.add(new ReservedLine(productId, held));
        }
        if (!released.isEmpty()) {
            outbox.enqueue(new StockReleased(command.orderId(), released),
                    EventOrigin.unversioned("Reservation", command.orderId(), COMMAND, metadata));
        }
    }
}
