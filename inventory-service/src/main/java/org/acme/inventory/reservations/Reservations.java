package org.acme.inventory.reservations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;

/** The stock items that hold something for an order. */
@ApplicationScoped
public class Reservations {

    private final Sql sql;

    public Reservations(Sql sql) {
        this.sql = sql;
    }

    public List<UUID> productsHeldFor(UUID orderId) {
        return sql.query("SELECT product_id FROM reservations WHERE order_id = ? ORDER BY product_id",
                row -> row.getObject(1, UUID.class), orderId);
    }
}
