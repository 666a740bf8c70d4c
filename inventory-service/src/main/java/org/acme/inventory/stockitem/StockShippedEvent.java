package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** What was held for an order left the warehouse: it is no longer on hand. */
public record StockShippedEvent(UUID productId, UUID orderId, int quantity, Instant at) implements StockItemEvent {
}
