package org.acme.inventory.stockitemstore;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.Snapshots;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemEvent;
import org.acme.inventory.stockitem.StockItemSnapshot;

/**
 * Stock items in the event store. A best-seller's stream takes an event per order, for ever: it is
 * loaded from its latest snapshot and the events after it, and the append that brings
 * {@value #SNAPSHOT_EVERY} events past that snapshot writes the next one (decision 0009). Every load
 * is for a change, so it waits for any other transaction changing the same item (decision 0013).
 */
@ApplicationScoped
public class StockItemStore {

    static final int SNAPSHOT_EVERY = 20;
    static final Snapshots<StockItemEvent, StockItemSnapshot, StockItem> SNAPSHOTS = new Snapshots<>(StockItemEvent.class,
            StockItemSnapshot.class, StockItem::rehydrate, StockItem::restore, StockItem::snapshot, SNAPSHOT_EVERY);

    private final EventStore eventStore;

    public StockItemStore(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Loads a stock item to change it, locked until the transaction ends: reservations of one
     * product may be applied side by side (orders differ: a try alone beside a batch, a command
     * beside a reservation), and take its stock one after the other.
     */
    public Uni<Optional<StockItem>> load(UUID productId) {
        return eventStore.loadForChange(productId, SNAPSHOTS);
    }

    public Uni<List<StoredEvent<StockItemEvent>>> save(StockItem item, String commandType, CommandMetadata metadata) {
        return eventStore.save(StockItem.STREAM_TYPE, item.productId(), item, SNAPSHOTS, commandType, metadata);
    }
}
