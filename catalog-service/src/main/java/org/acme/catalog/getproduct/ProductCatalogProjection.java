package org.acme.catalog.getproduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductAddedEvent;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;

/**
 * Keeps the {@code product_catalog} table, which the queries read, in step with the product
 * streams. It runs inside the appending transaction (an inline projection), so a GET right after a
 * command sees that command.
 */
@ApplicationScoped
public class ProductCatalogProjection {

    private static final String UPSERT = "INSERT INTO product_catalog (id, name, description, price, cost, supplier,"
            + " internal_notes, category, removed, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ?)"
            + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,"
            + " price = excluded.price, cost = excluded.cost, supplier = excluded.supplier,"
            + " internal_notes = excluded.internal_notes, category = excluded.category, version = excluded.version";

    private final Sql sql;

    public ProductCatalogProjection(Sql sql) {
        this.sql = sql;
    }

    void on(@Observes EventsAppended appended) {
        if (Product.STREAM_TYPE.equals(appended.streamType())) {
            appended.events().forEach(this::apply);
        }
    }

    private void apply(StoredEvent<?> stored) {
        if (stored.event() instanceof ProductAddedEvent added) {
            upsert(stored, added.details());
        } else if (stored.event() instanceof ProductUpdatedEvent updated) {
            upsert(stored, updated.details());
        } else if (stored.event() instanceof ProductRemovedEvent) {
            sql.update("UPDATE product_catalog SET removed = true, version = ? WHERE id = ?",
                    stored.version(), stored.streamId());
        }
    }

    private void upsert(StoredEvent<?> stored, ProductDetails details) {
        sql.update(UPSERT, stored.streamId(), details.name(), details.description(), details.price(), details.cost(),
                details.supplier(), details.internalNotes(), details.category(), stored.version());
    }
}
