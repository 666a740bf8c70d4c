package org.acme.orders.productview;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.sql.SqlRow;

/**
 * Orders' local view of the catalog ({@code product_view}), fed by the catalog's events and
 * inventory's StockAdjusted, read on every {@code POST /orders}.
 *
 * <p>Events from two publishers arrive in no guaranteed order between them, and one publisher's may
 * be redelivered: every change is guarded by the version of the aggregate it comes from (the
 * catalog's product version, the inventory's stock item version), so an older event arriving late
 * changes nothing, and stock news of a product the catalog has not announced yet is kept until it
 * does.
 *
 * <p>Each change is one upsert that sets only its own side's columns, with its guard in the
 * statement (decision 0026). The catalog's news and inventory's about one product may be handled side
 * by side (decisions 0013 and 0019): the upsert takes the row's lock itself and applies its guard to
 * the row as the other committed it, so neither writes back the other's half; and two first news of
 * a product racing to insert it make one insert and one update, not a failure on the key.
 */
@ApplicationScoped
public class ProductView {

    private static final String COLUMNS = "product_id, name, price, category, available, removed";
    private static final String FIND = "SELECT " + COLUMNS + " FROM product_view WHERE product_id = ? AND name IS NOT NULL";
    private static final String ACTIVE = "SELECT " + COLUMNS + " FROM product_view WHERE name IS NOT NULL AND NOT removed"
            + " ORDER BY name, product_id";
    private static final String RECORD_CATALOG_DETAILS = "INSERT INTO product_view AS entry (product_id, name, price, category,"
            + " removed, catalog_version) VALUES (?, ?, ?, ?, false, ?)"
            + " ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, price = excluded.price,"
            + " category = excluded.category, catalog_version = excluded.catalog_version"
            + " WHERE entry.catalog_version IS NULL OR entry.catalog_version < excluded.catalog_version";
    // GREATEST ignores a null: a row only stock news made so far takes the withdrawal's version.
    private static final String WITHDRAW = "INSERT INTO product_view AS entry (product_id, removed, catalog_version)"
            + " VALUES (?, true, ?)"
            + " ON CONFLICT (product_id) DO UPDATE SET removed = true,"
            + " catalog_version = GREATEST(entry.catalog_version, excluded.catalog_version)";
    private static final String RECORD_AVAILABILITY = "INSERT INTO product_view AS entry (product_id, removed, available,"
            + " stock_version) VALUES (?, false, ?, ?)"
            + " ON CONFLICT (product_id) DO UPDATE SET available = excluded.available, stock_version = excluded.stock_version"
            + " WHERE entry.stock_version IS NULL OR entry.stock_version < excluded.stock_version";

    private final Sql sql;

    public ProductView(Sql sql) {
        this.sql = sql;
    }

    public Uni<Void> recordCatalogDetails(UUID productId, String name, BigDecimal price, String category, long catalogVersion) {
        return sql.update(RECORD_CATALOG_DETAILS, productId, name, price, category, catalogVersion).replaceWithVoid();
    }

    /** Removed for good: a later ProductUpdated does not bring it back, whatever its version. */
    public Uni<Void> withdraw(UUID productId, long catalogVersion) {
        return sql.update(WITHDRAW, productId, catalogVersion).replaceWithVoid();
    }

    public Uni<Void> recordAvailability(UUID productId, int available, long stockVersion) {
        return sql.update(RECORD_AVAILABILITY, productId, available, stockVersion).replaceWithVoid();
    }

    /** A product the view can show (it has a name), removed or not. */
    @WithSession
    public Uni<Optional<ViewedProduct>> find(UUID productId) {
        return sql.query(FIND, productId).onItem().transform(rows -> rows.stream().findFirst().map(ProductView::viewed));
    }

    /** The products orders knows that are still in the catalog. */
    @WithSession
    public Uni<List<ViewedProduct>> active() {
        return sql.query(ACTIVE).onItem().transform(rows -> rows.stream().map(ProductView::viewed).toList());
    }

    private static ViewedProduct viewed(SqlRow row) {
        return new ViewedProduct(row.uuid(0), row.text(1), row.decimal(2), row.text(3), row.integerOrNull(4),
                row.flag(5) ? ViewedProduct.Status.REMOVED : ViewedProduct.Status.ACTIVE);
    }
}
