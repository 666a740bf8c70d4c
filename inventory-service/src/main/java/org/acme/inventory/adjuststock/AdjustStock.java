package org.acme.inventory.adjuststock;

import java.util.Objects;
import java.util.UUID;

/**
 * Count the stock of a product up (a delivery) or down (a write-off).
 *
 * @param expectedVersion the version the client last read (its If-Match), or null
 */
public record AdjustStock(UUID productId, int delta, String reason, Long expectedVersion) {

    public AdjustStock {
        Objects.requireNonNull(productId, "productId");
        if (delta == 0) {
            throw new IllegalArgumentException("delta cannot be 0");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a reason");
        }
    }
}
