package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** Inventory started to track a product of the catalog, with nothing on hand. */
public record StockItemTrackedEvent(UUID productId, String name, long catalogVersion, Instant at) implements StockItemEvent {
}
