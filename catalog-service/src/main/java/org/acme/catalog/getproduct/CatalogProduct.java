package org.acme.catalog.getproduct;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.acme.catalog.product.ProductState;

/** One row of the catalog's read model, as the queries read it ({@link ProductCatalogProjection} writes it). */
@Entity
@Table(name = "product_catalog")
public class CatalogProduct extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String description;
    public BigDecimal price;
    public BigDecimal cost;
    public String supplier;
    @Column(name = "internal_notes")
    public String internalNotes;
    public String category;
    public boolean removed;
    public long version;

    ProductState state() {
        return new ProductState(id, name, description, price, cost, supplier, internalNotes, category,
                removed ? ProductState.Status.REMOVED : ProductState.Status.ACTIVE, version);
    }
}
