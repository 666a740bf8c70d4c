package org.acme.integrationevents.inventory;

import java.util.Objects;
import java.util.UUID;

/** How many of a product inventory holds (or gave back) for an order. */
public record ReservedLine(UUID productId, int quantity) {

    public ReservedLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }
}
