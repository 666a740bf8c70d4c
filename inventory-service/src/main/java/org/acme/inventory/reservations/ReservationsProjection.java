package org.acme.inventory.reservations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockReleasedEvent;
import org.acme.inventory.stockitem.StockReservedEvent;
import org.acme.inventory.stockitem.StockShippedEvent;

/** Keeps which stock items hold a reservation for which order, to find them when the order changes. */
@ApplicationScoped
public class ReservationsProjection {

    private static final String DELETE = "DELETE FROM reservations WHERE order_id = ? AND product_id = ?";

    private final Sql sql;

    public ReservationsProjection(Sql sql) {
        this.sql = sql;
    }

    void on(@Observes EventsAppended appended) {
        if (StockItem.STREAM_TYPE.equals(appended.streamType())) {
            appended.events().forEach(this::apply);
        }
    }

    private void apply(StoredEvent<?> stored) {
        if (stored.event() instanceof StockReservedEvent reserved) {
            sql.update("INSERT INTO reservations (order_id, product_id, quantity) VALUES (?, ?, ?)",
                    reserved.orderId(), reserved.productId(), reserved.quantity());
        } else if (stored.event() instanceof StockReleasedEvent released) {
            sql.update(DELETE, released.orderId(), released.productId());
        } else if (stored.event() instanceof StockShippedEvent shipped) {
            sql.update(DELETE, shipped.orderId(), shipped.productId());
        }
    }
}
