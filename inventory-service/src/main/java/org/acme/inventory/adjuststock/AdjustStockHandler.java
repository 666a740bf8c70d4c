package org.acme.inventory.adjuststock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.inventory.AdjustStockRejected;
import org.acme.integrationevents.inventory.StockAdjusted;
import org.acme.inventory.stockitem.StockAdjustedEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemEvent;
import org.acme.inventory.stockitem.StockLevel;

/** Adjusts the stock on hand and publishes the new level; a refusal is published as AdjustStockRejected. */
@ApplicationScoped
public class AdjustStockHandler {

    private static final String COMMAND = "AdjustStock";

    private final EventStore eventStore;
    private final Outbox outbox;

    public AdjustStockHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public StockLevel handle(AdjustStock command, CommandMetadata metadata) {
        StockItem item = eventStore.load(command.productId(), StockItemEvent.class, StockItem::rehydrate)
                .orElseThrow(() -> new ResourceNotFound("stock item", command.productId()));
        StaleVersion.check(command.productId(), command.expectedVersion(), item.version());
        outbox.decideOrRecordRefusal(() -> item.adjust(command.delta(), command.reason(), metadata.actor(), metadata.at()),
                rejected -> new AdjustStockRejected(command.productId(), command.delta(), rejected.reason()),
                EventOrigin.rejected(StockItem.STREAM_TYPE, command.productId(), item.version(), COMMAND, metadata));
        for (StoredEvent<StockItemEvent> stored : eventStore.save(StockItem.STREAM_TYPE, command.productId(), item,
                COMMAND, metadata)) {
            if (stored.event() instanceof StockAdjustedEvent adjusted) {
                outbox.enqueue(new StockAdjusted(adjusted.productId(), adjusted.delta(), item.onHand(), item.reserved(),
                                item.available()),
                        EventOrigin.of(StockItem.STREAM_TYPE, adjusted.productId(), stored.version(), COMMAND, metadata));
            }
        }
        return StockLevel.of(item, item.version() + item.changes().size());
    }
}
