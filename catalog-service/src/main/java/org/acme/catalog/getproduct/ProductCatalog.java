package org.acme.catalog.getproduct;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.catalog.product.ProductState;
import org.acme.infrastructure.sql.Sql;

/** Reads the product catalog table the projection keeps. */
@ApplicationScoped
public class ProductCatalog {

    private static final String SELECT = "SELECT id, name, description, price, cost, supplier, internal_notes,"
            + " category, removed, version FROM product_catalog";

    private final Sql sql;

    public ProductCatalog(Sql sql) {
        this.sql = sql;
    }

    public Optional<ProductState> find(UUID id) {
        return sql.queryOne(SELECT + " WHERE id = ?", ProductCatalog::product, id);
    }

    /** The products on sale, by name. */
    public List<ProductState> active() {
        return sql.query(SELECT + " WHERE NOT removed ORDER BY name, id", ProductCatalog::product);
    }

    private static ProductState product(ResultSet row) throws SQLException {
        return new ProductState(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"),
                row.getBigDecimal("price"), row.getBigDecimal("cost"), row.getString("supplier"),
                row.getString("internal_notes"), row.getString("category"),
                row.getBoolean("removed") ? ProductState.Status.REMOVED : ProductState.Status.ACTIVE, row.getLong("version"));
    }
}
