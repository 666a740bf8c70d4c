package org.acme.inventory.getstock;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;
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
public class StockLevelsProjection implements InlineProjection {

    private final StockLevels levels;

    public StockLevelsProjection(StockLevels levels) {
        this.levels = levels;
    }

    @Override
    public String streamType() {
        return StockItem.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        Object event = stored.event();
        if (event instanceof StockItemTrackedEvent tracked) {
            StockLevelRow row = new StockLevelRow();
            row.productId = tracked.productId();
            row.name = tracked.name();
            row.version = stored.version();
            return levels.persist(row);
        }
        return change(stored, row -> {
            if (event instanceof StockItemRenamedEvent renamed) {
                row.name = renamed.name();
            } else if (event instanceof StockItemDiscontinuedEvent) {
                row.discontinued = true;
            } else if (event instanceof StockAdjustedEvent adjusted) {
                row.onHand += adjusted.delta();
            } else if (event instanceof StockReservedEvent reserved) {
                row.reserved += reserved.quantity();
            } else if (event instanceof StockReleasedEvent released) {
                row.reserved -= released.quantity();
            } else if (event instanceof StockShippedEvent shipped) {
                row.reserved -= shipped.quantity();
                row.onHand -= shipped.quantity();
            }
        });
    }

    private Uni<StockLevelRow> change(StoredEvent<?> stored, Consumer<StockLevelRow> change) {
        return levels.findById(stored.streamId()).invoke(row -> {
            change.accept(row);
            row.version = stored.version();
        });
    }
}
