package org.acme.inventory.getstock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.acme.inventory.stockitem.StockLevel;

/** One stock item as the API shows it, kept by {@link StockLevelsProjection}. */
@Entity
@Table(name = "stock_levels")
public class StockLevelRow extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public UUID productId;
    public String name;
    @Column(name = "on_hand")
    public int onHand;
    public int reserved;
    public boolean discontinued;
    public long version;

    StockLevel level() {
        return new StockLevel(productId, name, onHand, reserved, onHand - reserved,
                discontinued ? StockLevel.Status.DISCONTINUED : StockLevel.Status.ACTIVE, version);
    }
}
