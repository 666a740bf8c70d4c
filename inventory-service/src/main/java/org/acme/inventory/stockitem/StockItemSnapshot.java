package org.acme.inventory.stockitem;

import java.util.UUID;

/** A stock item's state as of a version: a long stream is loaded from it and the events after it. */
public record StockItemSnapshot(UUID productId, String name, long catalogVersion, boolean discontinued, int onHand, int reserved) {
}
