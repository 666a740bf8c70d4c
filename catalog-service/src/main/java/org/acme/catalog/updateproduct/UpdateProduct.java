package org.acme.catalog.updateproduct;

import java.util.Objects;
import java.util.UUID;
import org.acme.catalog.product.ProductDetails;

/**
 * Replace a product's details.
 *
 * @param expectedVersion the version the client last read (its If-Match), or null to overwrite any
 */
public record UpdateProduct(UUID productId, ProductDetails details, Long expectedVersion) {

    public UpdateProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(details, "details");
    }
}
