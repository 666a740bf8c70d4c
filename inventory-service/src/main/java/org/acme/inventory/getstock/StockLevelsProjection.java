package org.acme.inventory.getstock;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.inventory.stockitem.StockAdjustedEvent;
import org.acme.inventory.stockitem.StockItemDiscontinuedEvent;
import org.acme.inventory.stockitem.StockItemRenamedEvent;
import org.acme.inventory.stockitem.StockItemTrackedEvent;
import org.acme.inventory.stockitem.StockReleasedEvent;
import org.acme.inventory.stockitem.StockReservedEvent;
import org.acme.inventory.stockitem.StockShippedEvent;

/**
 * Keeps {@code stock_levels} in step with the stock item streams, inside the appending
 * transaction, so that a read right after a change sees it.
 */
@ApplicationScoped
public class StockLevelsProjection {

    private final AgroalDataSource dataSource;

    public StockLevelsProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(@Observes EventsAppended appended) {
        if (!"StockItem".equals(appended.streamType())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (StoredEvent<?> stored : appended.events()) {
                apply(connection, stored);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot project stock item " + appended.streamId(), e);
        }
    }

    private static void apply(Connection connection, StoredEvent<?> stored) throws SQLException {
        Object event = stored.event();
        if (event instanceof StockItemTrackedEvent tracked) {
            update(connection, "INSERT INTO stock_levels (product_id, name, on_hand, reserved, discontinued, version)"
                    + " VALUES (?, ?, 0, 0, false, ?)", tracked.productId(), tracked.name(), stored.version());
        } else if (event instanceof StockItemRenamedEvent renamed) {
            update(connection, "UPDATE stock_levels SET name = ?, version = ? WHERE product_id = ?",
                    renamed.name(), stored.version(), renamed.productId());
        } else if (event instanceof StockItemDiscontinuedEvent discontinued) {
            update(connection, "UPDATE stock_levels SET discontinued = true, version = ? WHERE product_id = ?",
                    stored.version(), discontinued.productId());
        } else if (event instanceof StockAdjustedEvent adjusted) {
            update(connection, "UPDATE stock_levels SET on_hand = on_hand + ?, version = ? WHERE product_id = ?",
                    adjusted.delta(), stored.version(), adjusted.productId());
        } else if (event instanceof StockReservedEvent reserved) {
            update(connection, "UPDATE stock_levels SET reserved = reserved + ?, version = ? WHERE product_id = ?",
                    reserved.quantity(), stored.version(), reserved.productId());
        } else if (event instanceof StockReleasedEvent released) {
            update(connection, "UPDATE stock_levels SET reserved = reserved - ?, version = ? WHERE product_id = ?",
                    released.quantity(), stored.version(), released.productId());
        } else if (event instanceof StockShippedEvent shipped) {
            update(connection, "UPDATE stock_levels SET reserved = reserved - ?, on_hand = on_hand - ?, version = ?"
                    + " WHERE product_id = ?", shipped.quantity(), shipped.quantity(), stored.version(), shipped.productId());
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
