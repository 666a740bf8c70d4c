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
import org.acme.inventory.stockitem.StockItemEvent;
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
        // A stock item's stream holds StockItemEvents only; the switch is exhaustive over them.
        return switch ((StockItemEvent) stored.event()) {
            case StockItemTrackedEvent tracked -> sql.update(TRACK, tracked.productId(), tracked.name(), version);
            case StockItemRenamedEvent renamed -> sql.update(RENAME, renamed.name(), version, productId);
            case StockItemDiscontinuedEvent _ -> sql.update(DISCONTINUE, version, productId);
            case StockAdjustedEvent adjusted -> move(productId, adjusted.delta(), 0, version);
            case StockReservedEvent reserved -> move(productId, 0, reserved.quantity(), version);
            case StockReleasedEvent released -> move(productId, 0, -released.quantity(), version);
            case StockShippedEvent shipped -> move(productId, -shipped.quantity(), -shipped.quantity(), version);
        };
    }

    /** Stock on hand and reserved moved by these amounts. */
    private Uni<Integer> move(UUID productId, int onHand, int reserved, long version) {
        return sql.update(MOVE, onHand, reserved, version, productId);
    }
}
