package org.acme.orders.productview;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;

/**
 * Orders' local view of the catalog, fed by the catalog's events and inventory's StockAdjusted.
 *
 * <p>Events from two publishers arrive in no guaranteed order between them, and one publisher's may
 * be redelivered: every change is an upsert guarded by the version of the aggregate it comes from
 * (the catalog's product version, the inventory's stock item version), so an older event arriving
 * late changes nothing, and stock news of a product the catalog has not announced yet is kept
 * until it does. A row without a name is not shown and cannot be ordered.
 */
@ApplicationScoped
public class ProductView {

    private static final String SELECT = "SELECT product_id, name, price, category, available, removed FROM product_view"
            + " WHERE name IS NOT NULL";

    private final Sql sql;

    public ProductView(Sql sql) {
        this.sql = sql;
    }

    public void recordCatalogDetails(UUID productId, String name, BigDecimal price, String category, long catalogVersion) {
        sql.update("INSERT INTO product_view (product_id, name, price, category, removed, catalog_version)"
                        + " VALUES (?, ?, ?, ?, false, ?)"
                        + " ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, price = excluded.price,"
                        + " category = excluded.category, catalog_version = excluded.catalog_version"
                        + " WHERE product_view.catalog_version IS NULL OR product_view.catalog_version < excluded.catalog_version",
                productId, name, price, category, catalogVersion);
    }

    public void withdraw(UUID productId, long catalogVersion) {
        sql.update("INSERT INTO product_view (product_id, removed, catalog_version) VALUES (?, true, ?)"
                        + " ON CONFLICT (product_id) DO UPDATE SET removed = true,"
                        + " catalog_version = GREATEST(product_view.catalog_version, excluded.catalog_version)",
                productId, catalogVersion);
    }

    public void recordAvailability(UUID productId, int available, long stockVersion) {
        sql.update("INSERT INTO product_view (product_id, removed, available, stock_version) VALUES (?, false, ?, ?)"
                        + " ON CONFLICT (product_id) DO UPDATE SET available = excluded.available,"
                        + " stock_version = excluded.stock_version"
                        + " WHERE product_view.stock_version IS NULL OR product_view.stock_version < excluded.stock_version",
                productId, available, stockVersion);
    }

    public Optional<ViewedProduct> find(UUID productId) {
        return query(SELECT + " AND product_id = ?", productId).stream().findFirst();
    }

    /** The products orders knows that are still in the catalog. */
    public List<ViewedProduct> active() {
        return query(SELECT + " AND NOT removed ORDER BY name, product_id");
    }

    private List<ViewedProduct> query(String statement, Object... parameters) {
        return sql.query(statement, row -> new ViewedProduct(row.getObject("product_id", UUID.class), row.getString("name"),
                row.getBigDecimal("price"), row.getString("category"), (Integer) row.getObject("available"),
                row.getBoolean("removed") ? ViewedProduct.Status.REMOVED : ViewedProduct.Status.ACTIVE), parameters);
    }
}
