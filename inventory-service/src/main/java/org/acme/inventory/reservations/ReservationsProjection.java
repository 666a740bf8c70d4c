package org.acme.inventory.reservations;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.inventory.stockitem.StockAdjustedEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemDiscontinuedEvent;
import org.acme.inventory.stockitem.StockItemEvent;
import org.acme.inventory.stockitem.StockItemRenamedEvent;
import org.acme.inventory.stockitem.StockItemTrackedEvent;
import org.acme.inventory.stockitem.StockReleasedEvent;
import org.acme.inventory.stockitem.StockReservedEvent;
import org.acme.inventory.stockitem.StockShippedEvent;

/** Keeps which stock items hold a reservation for which order, to find them when the order changes. */
@ApplicationScoped
public class ReservationsProjection implements InlineProjection {

    private final Reservations reservations;

    public ReservationsProjection(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public String streamType() {
        return StockItem.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        // A stock item's stream holds StockItemEvents only; the switch is exhaustive over them, so a new
        // event type is a choice made here, not a silent skip.
        return switch ((StockItemEvent) stored.event()) {
            case StockReservedEvent reserved -> reservations.hold(reserved.orderId(), reserved.productId(), reserved.quantity());
            case StockReleasedEvent released -> reservations.release(released.orderId(), released.productId());
            case StockShippedEvent shipped -> reservations.release(shipped.orderId(), shipped.productId());
            case StockItemTrackedEvent _, StockItemRenamedEvent _, StockItemDiscontinuedEvent _, StockAdjustedEvent _ ->
                    Uni.createFrom().voidItem();
        };
    }
}
