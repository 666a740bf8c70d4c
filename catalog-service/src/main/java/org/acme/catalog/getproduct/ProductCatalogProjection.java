package org.acme.catalog.getproduct;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductAddedEvent;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;

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

    private final AgroalDataSource dataSource;

    public ProductCatalogProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(@Observes EventsAppended appended) {
        if (!Product.STREAM_TYPE.equals(appended.streamType())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (StoredEvent<?> stored : appended.events()) {
                apply(connection, stored);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot project product " + appended.streamId(), e);
        }
    }

    private static void apply(Connection connection, StoredEvent<?> stored) throws SQLException {
        if (stored.event() instanceof ProductAddedEvent added) {
            upsert(connection, stored, added.details());
        } else if (stored.event() instanceof ProductUpdatedEvent updated) {
            upsert(connection, stored, updated.details());
        } else if (stored.event() instanceof ProductRemovedEvent) {
            try (PreparedStatement remove = connection.prepareStatement(
                    "UPDATE product_catalog SET removed = true, version = ? WHERE id = ?")) {
                remove.setLong(1, stored.version());
                remove.setObject(2, stored.streamId());
                remove.executeUpdate();
            }
        }
    }

    private static void upsert(Connection connection, StoredEvent<?> stored, ProductDetails details) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, stored.streamId());
            upsert.setString(2, details.name());
            upsert.setString(3, details.description());
            upsert.setBigDecimal(4, details.price());
            upsert.setBigDecimal(5, details.cost());
            upsert.setString(6, details.supplier());
            upsert.setString(7, details.internalNotes());
            upsert.setString(8, details.category());
            upsert.setLong(9, stored.version());
            upsert.executeUpdate();
        }
    }
}
