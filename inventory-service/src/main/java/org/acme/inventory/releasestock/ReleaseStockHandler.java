package org.acme.inventory.releasestock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.inventory.ReservedLine;
import org.acme.integrationevents.inventory.StockReleased;
import org.acme.inventory.reservations.ClosedOrders;
import org.acme.inventory.reservations.HeldStock;
import org.acme.inventory.reservations.Reservations;
import org.acme.inventory.stockitemstore.StockItemStore;

/**
 * Releases what stock items hold for an order and publishes StockReleased. An order that holds
 * nothing (its reservation was rejected, or its placement has not arrived yet) releases nothing and
 * publishes nothing. Either way the order is closed: a placement arriving later reserves nothing.
 */
@ApplicationScoped
public class ReleaseStockHandler {

    private static final String COMMAND = "ReleaseStock";

    private final StockItemStore stockItems;
    private final Reservations reservations;
    private final ClosedOrders closedOrders;
    private final Outbox outbox;

    public ReleaseStockHandler(StockItemStore stockItems, Reservations reservations, ClosedOrders closedOrders, Outbox outbox) {
        this.stockItems = stockItems;
        this.reservations = reservations;
        this.closedOrders = closedOrders;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> handle(ReleaseStock command, CommandMetadata metadata) {
        List<ReservedLine> released = new ArrayList<>();
        return closedOrders.close(command.orderId(), "cancelled", metadata.at())
                .chain(() -> reservations.heldFor(command.orderId()))
                .chain(holdings -> InSequence.each(holdings, held -> release(held, metadata)
                        .invoke(() -> released.add(new ReservedLine(held.productId(), held.quantity())))))
                .chain(() -> released.isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.enqueue(new StockReleased(command.orderId(), released),
                                EventOrigin.unversioned("Reservation", command.orderId(), COMMAND, metadata)).replaceWithVoid());
    }

    private Uni<?> release(HeldStock held, CommandMetadata metadata) {
        return stockItems.load(held.productId())
                .onItem().transform(found -> found.orElseThrow())
                .invoke(item -> item.release(held.orderId(), held.quantity(), metadata.at()))
                .chain(item -> stockItems.save(item, COMMAND, metadata));
    }
}
