package org.acme.inventory.stockitemstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.testing.Reactive;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockItemEvent;
import org.junit.jupiter.api.Test;

/** A best-seller's stock item in the real event store: snapshotted as it grows, and loaded the same from a snapshot. */
@QuarkusTest
class StockItemStoreTest {

    @Inject
    StockItemStore stockItems;

    @Inject
    EventStore eventStore;

    @Inject
    Sql sql;

    @Test
    void aLongStream_isSnapshottedEveryFewEvents_andLoadsFromItsSnapshotAsFromItsWholeHistory() {
        UUID productId = UUID.randomUUID();
        Reactive.inTransaction(() -> stockItems.save(StockItem.track(productId, "Best-seller", 1, Instant.now()), "TrackProduct", command()));
        for (int i = 0; i < 250; i++) {
            UUID order = UUID.randomUUID();
            int step = i;
            Reactive.inTransaction(() -> stockItems.load(productId).chain(found -> {
                StockItem item = found.orElseThrow();
                if (step % 5 == 4) {
                    item.reserve(order, 1, Instant.now());
                } else {
                    item.adjust(2, "delivery", "test", Instant.now());
                }
                return stockItems.save(item, "AdjustStock", command());
            }));
        }

        long snapshotVersion = Reactive.inSession(() -> sql.query("SELECT version FROM snapshots WHERE stream_id = ?", productId))
                .get(0).number(0);
        StockItem fromSnapshot = Reactive.inSession(() -> stockItems.load(productId)).orElseThrow();
        StockItem fromHistory = StockItem.rehydrate(Reactive.inSession(() -> eventStore.read(productId, StockItemEvent.class)).events());

        long latestSnapshot = 251 / StockItemStore.SNAPSHOT_EVERY * StockItemStore.SNAPSHOT_EVERY;
        assertThat(snapshotVersion).isEqualTo(latestSnapshot);
        assertThat(fromSnapshot.eventsSinceSnapshot()).isEqualTo(251 - latestSnapshot);
        assertThat(fromSnapshot.version()).isEqualTo(251).isEqualTo(fromHistory.version());
        assertThat(fromSnapshot.onHand()).isEqualTo(400).isEqualTo(fromHistory.onHand());
        assertThat(fromSnapshot.reserved()).isEqualTo(50).isEqualTo(fromHistory.reserved());
        assertThat(fromSnapshot.name()).isEqualTo("Best-seller").isEqualTo(fromHistory.name());
    }

    private static CommandMetadata command() {
        return CommandMetadata.ofRequest("snapshots-test", "test", Instant.now());
    }
}
