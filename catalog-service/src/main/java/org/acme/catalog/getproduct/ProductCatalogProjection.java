package org.acme.catalog.getproduct;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductAddedEvent;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;

/**
 * Keeps the {@code product_catalog} table, which the queries read, in step with the product
 * streams. It runs inside the appending transaction (an inline projection), so a GET right after a
 * command sees that command; one plain statement per event, no managed entity, which would cost the
 * command an entity's insert or load and a dirty check at the flush (decision 0026).
 */
@ApplicationScoped
public class ProductCatalogProjection implements InlineProjection {

    private static final String ADD = "INSERT INTO product_catalog (id, name, description, price, cost, supplier,"
            + " internal_notes, category, removed, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ?)";
    private static final String DESCRIBE = "UPDATE product_catalog SET name = ?, description = ?, price = ?, cost = ?,"
            + " supplier = ?, internal_notes = ?, category = ?, version = ? WHERE id = ?";
    private static final String REMOVE = "UPDATE product_catalog SET removed = true, version = ? WHERE id = ?";

    private final Sql sql;

    public ProductCatalogProjection(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String streamType() {
        return Product.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        // A product's stream holds ProductEvents only; the switch is exhaustive over them.
        return switch ((ProductEvent) stored.event()) {
            case ProductAddedEvent added -> {
                ProductDetails details = added.details();
                yield sql.update(ADD, stored.streamId(), details.name(), details.description(), details.price(), details.cost(),
                        details.supplier(), details.internalNotes(), details.category(), stored.version());
            }
            case ProductUpdatedEvent updated -> {
                ProductDetails details = updated.details();
                yield changedRow(stored, sql.update(DESCRIBE, details.name(), details.description(), details.price(),
                        details.cost(), details.supplier(), details.internalNotes(), details.category(), stored.version(),
                        stored.streamId()));
            }
            case ProductRemovedEvent _ -> changedRow(stored, sql.update(REMOVE, stored.version(), stored.streamId()));
        };
    }

    private static Uni<Integer> changedRow(StoredEvent<?> stored, Uni<Integer> changed) {
        // Written with the product's first event: a product without its row is a fault, not a skip.
        return changed.invoke(rows -> {
            if (rows != 1) {
                throw new IllegalStateException("product " + stored.streamId() + " has no row in product_catalog");
            }
        });
    }
}
