package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** Stock on hand was counted up or down, why, by whom and when. */
public record StockAdjustedEvent(UUID productId, int delta, String reason, String adjustedBy, Instant at)
        implements StockItemEvent {
}
