package org.acme.inventory.getstock;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.sql.Sql;
import org.acme.inventory.stockitem.StockLevel;

/** Reads the stock levels the projection keeps. */
@ApplicationScoped
public class StockLevels {

    private static final String SELECT = "SELECT product_id, name, on_hand, reserved, discontinued, version FROM stock_levels";

    private final Sql sql;

    public StockLevels(Sql sql) {
        this.sql = sql;
    }

    public Optional<StockLevel> find(UUID productId) {
        return sql.queryOne(SELECT + " WHERE product_id = ?", StockLevels::level, productId);
    }

    public List<StockLevel> all() {
        return sql.query(SELECT + " ORDER BY name NULLS LAST, product_id", StockLevels::level);
    }

    private static StockLevel level(ResultSet row) throws SQLException {
        int onHand = row.getInt("on_hand");
        int reserved = row.getInt("reserved");
        return new StockLevel(row.getObject("product_id", UUID.class), row.getString("name"), onHand, reserved,
                onHand - reserved, row.getBoolean("discontinued") ? StockLevel.Status.DISCONTINUED : StockLevel.Status.ACTIVE,
                row.getLong("version"));
    }
}
