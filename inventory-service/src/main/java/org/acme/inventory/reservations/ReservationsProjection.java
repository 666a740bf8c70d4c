package org.acme.inventory.reservations;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.inventory.stockitem.StockItem;
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
        if (stored.event() instanceof StockReservedEvent reserved) {
            return reservations.hold(reserved.orderId(), reserved.productId(), reserved.quantity());
        } else if (stored.event() instanceof StockReleasedEvent released) {
            return reservations.release(released.orderId(), released.productId());
        } else if (stored.event() instanceof StockShippedEvent shipped) {
            return reservations.release(shipped.orderId(), shipped.productId());
        }
        return Uni.createFrom().voidItem();
    }
}
