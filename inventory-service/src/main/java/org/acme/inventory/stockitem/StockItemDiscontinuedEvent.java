package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** The catalog removed the product: no new reservations; what is on hand can still be written off. */
public record StockItemDiscontinuedEvent(UUID productId, long catalogVersion, Instant at) implements StockItemEvent {
}
