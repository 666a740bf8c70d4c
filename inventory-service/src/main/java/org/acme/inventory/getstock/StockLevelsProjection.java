package org.acme.inventory.getstock;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.acme.infrastructure.eventstore.InlineProjection;
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
 * transaction, so that a read right after a change sees it. One statement per event, the change
 * made in place ({@code reserved = reserved + ?}): every reservation of a best-seller passes here,
 * and a managed row would cost a load and a dirty check on every flush of the transaction.
 */
@ApplicationScoped
public class StockLevelsProjection implements InlineProjection {

    private static final String TRACK = "INSERT INTO stock_levels (product_id, name, on_hand, reserved, discontinued, version)"
            + " VALUES (?, ?, 0, 0, false, ?)";
    private static final String RENAME = "UPDATE stock_levels SET name = ?, version = ? WHERE product_id = ?";
    private static final String DISCONTINUE = "UPDATE stock_levels SET discontinued = true, version = ? WHERE product_id = ?";
    private static final String MOVE = "UPDATE stock_levels SET on_hand = on_hand + ?, reserved = reserved + ?, version = ?"
            + " WHERE product_id = ?";

    private final Sql sql;

    public StockLevelsProjection(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String streamType() {
        return StockItem.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        UUID productId = stored.streamId();
        long version = stored.version();
        Object event = stored.event();
        if (event instanceof StockItemTrackedEvent tracked) {
            return sql.update(TRACK, tracked.productId(), tracked.name(), version);
        } else if (event instanceof StockItemRenamedEvent renamed) {
            return sql.update(RENAME, renamed.name(), version, productId);
        } else if (event instanceof StockItemDiscontinuedEvent) {
            return sql.update(DISCONTINUE, version, productId);
        } else if (event instanceof StockAdjustedEvent adjusted) {
            return move(productId, adjusted.delta(), 0, version);
        } else if (event instanceof StockReservedEvent reserved) {
            return move(productId, 0, reserved.quantity(), version);
        } else if (event instanceof StockReleasedEvent released) {
            return move(productId, 0, -released.quantity(), version);
        } else if (event instanceof StockShippedEvent shipped) {
            return move(productId, -shipped.quantity(), -shipped.quantity(), version);
        }
        throw new IllegalArgumentException("stock_levels has no change for " + event.getClass().getName());
    }

    /** Stock on hand and reserved moved by these amounts. */
    private Uni<Integer> move(UUID productId, int onHand, int reserved, long version) {
        return sql.update(MOVE, onHand, reserved, version, productId);
    }
}
