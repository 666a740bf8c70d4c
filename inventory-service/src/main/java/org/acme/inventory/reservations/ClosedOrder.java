package org.acme.inventory.reservations;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An order inventory heard was cancelled or shipped. */
@Entity
@Table(name = "closed_orders")
public class ClosedOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
}
