package org.acme.catalog.getproduct;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductAddedEvent;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;

/**
 * Keeps the {@code product_catalog} table, which the queries read, in step with the product
 * streams. It runs inside the appending transaction (an inline projection), so a GET right after a
 * command sees that command.
 */
@ApplicationScoped
public class ProductCatalogProjection implements InlineProjection {

    private final ProductCatalog catalog;

    public ProductCatalogProjection(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String streamType() {
        return Product.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        if (stored.event() instanceof ProductAddedEvent added) {
            CatalogProduct product = CatalogProduct.of(stored.streamId());
            product.describe(added.details(), stored.version());
            return catalog.persist(product);
        }
        return catalog.findById(stored.streamId()).invoke(product -> {
            if (stored.event() instanceof ProductUpdatedEvent updated) {
                product.describe(updated.details(), stored.version());
            } else if (stored.event() instanceof ProductRemovedEvent) {
                product.removed = true;
                product.version = stored.version();
            }
        });
    }
}
