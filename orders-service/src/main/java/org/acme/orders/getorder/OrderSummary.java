package org.acme.orders.getorder;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One order as the API shows it, kept by {@link OrdersProjection}. Its lines are a JSON array in a
 * jsonb column, read and written as text: Hibernate's JSON mapping handles objects only.
 */
@Entity
@Table(name = "order_summaries")
public class OrderSummary extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String status;
    @ColumnTransformer(read = "CAST(lines AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    public String lines;
    public BigDecimal total;
    @Column(name = "placed_at")
    public Instant placedAt;
    public long version;
}
