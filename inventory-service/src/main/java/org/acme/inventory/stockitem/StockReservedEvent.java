package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** Part of the stock on hand is held for an order. */
public record StockReservedEvent(UUID productId, UUID orderId, int quantity, Instant at) implements StockItemEvent {
}
