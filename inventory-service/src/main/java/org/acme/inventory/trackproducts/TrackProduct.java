package org.acme.inventory.trackproducts;

import java.util.Objects;
import java.util.UUID;

/** Start tracking the stock of a catalog product (from ProductAdded). */
public record TrackProduct(UUID productId, String name, long catalogVersion) {

    public TrackProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
    }
}
