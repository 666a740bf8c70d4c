package org.acme.catalog.removeproduct;

import java.util.Objects;
import java.util.UUID;

/**
 * Take a product out of the catalog.
 *
 * @param expectedVersion the version the client last read (its If-Match), or null to remove any
 */
public record RemoveProduct(UUID productId, Long expectedVersion) {

    public RemoveProduct {
        Objects.requireNonNull(productId, "productId");
    }
}
