package org.acme.inventory.reservations;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The stock items that hold something for an order. */
@ApplicationScoped
public class Reservations {

    private final AgroalDataSource dataSource;

    public Reservations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<UUID> productsHeldFor(UUID orderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT product_id FROM reservations WHERE order_id = ? ORDER BY product_id")) {
            query.setObject(1, orderId);
            List<UUID> products = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    products.add(rows.getObject(1, UUID.class));
                }
            }
            return products;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reservations of order " + orderId, e);
        }
    }
}
