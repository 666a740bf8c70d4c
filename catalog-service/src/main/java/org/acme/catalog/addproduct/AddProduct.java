package org.acme.catalog.addproduct;

import java.util.Objects;
import java.util.UUID;
import org.acme.catalog.product.ProductDetails;

/** Add a new product to the catalog under an id chosen by the caller. */
public record AddProduct(UUID productId, ProductDetails details) {

    public AddProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(details, "details");
    }
}
