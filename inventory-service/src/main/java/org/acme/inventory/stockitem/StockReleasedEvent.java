package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** What was held for a cancelled order is available again. */
public record StockReleasedEvent(UUID productId, UUID orderId, int quantity, Instant at) implements StockItemEvent {
}
