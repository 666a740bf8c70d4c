package org.acme.inventory.getstock;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.inventory.stockitem.StockLevel;

/** Reads the stock levels the projection keeps. */
@ApplicationScoped
public class StockLevels {

    private static final String SELECT = "SELECT product_id, name, on_hand, reserved, discontinued, version FROM stock_levels";

    private final AgroalDataSource dataSource;

    public StockLevels(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StockLevel> find(UUID productId) {
        return query(SELECT + " WHERE product_id = ?", productId).stream().findFirst();
    }

    public List<StockLevel> all() {
        return query(SELECT + " ORDER BY name NULLS LAST, product_id");
    }

    private List<StockLevel> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<StockLevel> levels = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int onHand = rows.getInt("on_hand");
                    int reserved = rows.getInt("reserved");
                    levels.add(new StockLevel(rows.getObject("product_id", UUID.class), rows.getString("name"),
                            onHand, reserved, onHand - reserved,
                            rows.getBoolean("discontinued") ? StockLevel.Status.DISCONTINUED : StockLevel.Status.ACTIVE,
                            rows.getLong("version")));
                }
            }
            return levels;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stock levels", e);
        }
    }
}
