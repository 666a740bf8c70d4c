package org.acme.orders.productview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One product of orders' view of the catalog. Each side keeps the version it last applied (the
 * catalog's product version, inventory's stock item version), so that an older event arriving late
 * changes nothing. A row without a name (stock news before the catalog's) is not shown.
 */
@Entity
@Table(name = "product_view")
public class ProductViewEntry extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public UUID productId;
    public String name;
    public BigDecimal price;
    public String category;
    public boolean removed;
    @Column(name = "catalog_version")
    public Long catalogVersion;
    public Integer available;
    @Column(name = "stock_version")
    public Long stockVersion;

    static ProductViewEntry unknown(UUID productId) {
        ProductViewEntry entry = new ProductViewEntry();
        entry.productId = productId;
        return entry;
    }

    boolean catalogIsOlderThan(long version) {
        return catalogVersion == null || catalogVersion < version;
    }

    boolean stockIsOlderThan(long version) {
        return stockVersion == null || stockVersion < version;
    }

    ViewedProduct viewed() {
        return new ViewedProduct(productId, name, price, category, available,
                removed ? ViewedProduct.Status.REMOVED : ViewedProduct.Status.ACTIVE);
    }
}
