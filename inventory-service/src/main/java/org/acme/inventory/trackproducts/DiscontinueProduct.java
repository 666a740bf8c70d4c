package org.acme.inventory.trackproducts;

import java.util.Objects;
import java.util.UUID;

/** Stop reserving a product the catalog removed (from ProductRemoved). */
public record DiscontinueProduct(UUID productId, long catalogVersion) {

    public DiscontinueProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
