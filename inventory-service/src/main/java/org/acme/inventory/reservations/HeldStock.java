package org.acme.inventory.reservations;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** How much of one stock item one order holds: a row of the reservations read model. */
@Entity
@Table(name = "reservations")
@IdClass(HeldStock.Key.class)
public class HeldStock extends PanacheEntityBase {

    /** An order and a product: what identifies a holding. */
    public record Key(UUID orderId, UUID productId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Id
    @Column(name = "product_id")
    public UUID productId;
    public int quantity;

    static HeldStock of(UUID orderId, UUID productId, int quantity) {
        HeldStock held = new HeldStock();
        held.orderId = orderId;
        held.productId = productId;
        held.quantity = quantity;
        return held;
    }
}
