package org.acme.inventory.stockitem;

import java.time.Instant;
import java.util.UUID;

/** The catalog renamed the product (as of the given catalog version). */
public record StockItemRenamedEvent(UUID productId, String previousName, String name, long catalogVersion, Instant at)
        implements StockItemEvent {
}
