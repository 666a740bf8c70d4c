package org.acme.inventory.getstock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;
import org.acme.inventory.stockitem.StockAdjustedEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemDiscontinuedEvent;
import org.acme.inventory.stockitem.StockItemRenamedEvent;
import org.acme.inventory.stockitem.StockItemTrackedEvent;
import org.acme.inventory.stockitem.StockReleasedEvent;
import org.acme.inventory.stockitem.StockReservedEvent;
import org.acme.inventory.stockitem.StockShippedEvent;

/**
 * Keeps {@code stock_levels} in step with the stock item streams, inside the appending
 * transaction, so that a read right after a change sees it.
 */
@ApplicationScoped
public class StockLevelsProjection {

    private final Sql sql;

    public StockLevelsProjection(Sql sql) {
        this.sql = sql;
    }

    void on(@Observes EventsAppended appended) {
        if (StockItem.STREAM_TYPE.equals(appended.streamType())) {
            appended.events().forEach(this::apply);
        }
    }

    private void apply(StoredEvent<?> stored) {
        Object event = stored.event();
        if (event instanceof StockItemTrackedEvent tracked) {
            sql.update("INSERT INTO stock_levels (product_id, name, on_hand, reserved, discontinued, version)"
                    + " VALUES (?, ?, 0, 0, false, ?)", tracked.productId(), tracked.name(), stored.version());
        } else if (event instanceof StockItemRenamedEvent renamed) {
            sql.update("UPDATE stock_levels SET name = ?, version = ? WHERE product_id = ?",
                    renamed.name(), stored.version(), renamed.productId());
        } else if (event instanceof StockItemDiscontinuedEvent discontinued) {
            sql.update("UPDATE stock_levels SET discontinued = true, version = ? WHERE product_id = ?",
                    stored.version(), discontinued.productId());
        } else if (event instanceof StockAdjustedEvent adjusted) {
            sql.update("UPDATE stock_levels SET on_hand = on_hand + ?, version = ? WHERE product_id = ?",
                    adjusted.delta(), stored.version(), adjusted.productId());
        } else if (event instanceof StockReservedEvent reserved) {
            sql.update("UPDATE stock_levels SET reserved = reserved + ?, version = ? WHERE product_id = ?",
                    reserved.quantity(), stored.version(), reserved.productId());
        } else if (event instanceof StockReleasedEvent released) {
            sql.update("UPDATE stock_levels SET reserved = reserved - ?, version = ? WHERE product_id = ?",
                    released.quantity(), stored.version(), released.productId());
        } else if (event instanceof StockShippedEvent shipped) {
            sql.update("UPDATE stock_levels SET reserved = reserved - ?, on_hand = on_hand - ?, version = ?"
                    + " WHERE product_id = ?", shipped.quantity(), shipped.quantity(), stored.version(), shipped.productId());
        }
    }
}
