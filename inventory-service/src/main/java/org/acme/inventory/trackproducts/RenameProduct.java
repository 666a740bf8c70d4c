package org.acme.inventory.trackproducts;

import java.util.Objects;
import java.util.UUID;

/** Follow the catalog's new name for a product (from ProductUpdated). */
public record RenameProduct(UUID productId, String name, long catalogVersion) {

    public RenameProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
    }
}
