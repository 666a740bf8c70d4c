package org.acme.inventory.releasestock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
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

    @WithTransaction
    public Uni<Void> handle(ReleaseStock command, CommandMetadata metadata) {
        List<ReservedLine> released = new ArrayList<>();
        return closedOrders.close(command.orderId(), "cancelled", metadata.at())
                .chain(() -> reservations.productsHeldFor(command.orderId()))
                .chain(products -> InSequence.each(products, productId -> release(productId, command, metadata)
                        .invoke(held -> released.add(new ReservedLine(productId, held)))))
                .chain(() -> released.isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.enqueue(new StockReleased(command.orderId(), released),
                                EventOrigin.unversioned("Reservation", command.orderId(), COMMAND, metadata)).replaceWithVoid());
    }

    /** Releases one stock item's holding for the order; answers how much it held. */
    private Uni<Integer> release(UUID productId, ReleaseStock command, CommandMetadata metadata) {
        return eventStore.load(productId, StockItemEvent.class, StockItem::rehydrate)
                .onItem().transform(found -> found.orElseThrow())
                .chain(item -> {
                    int held = item.heldFor(command.orderId());
                    item.release(command.orderId(), metadata.at());
                    return eventStore.save(StockItem.STREAM_TYPE, productId, item, COMMAND, metadata).replaceWith(held);
                });
    }
}
