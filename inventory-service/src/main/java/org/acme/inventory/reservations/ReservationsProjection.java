package org.acme.inventory.reservations;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.inventory.stockitem.StockItem;
import org.acme.inventory.stockitem.StockReleasedEvent;
import org.acme.inventory.stockitem.StockReservedEvent;
import org.acme.inventory.stockitem.StockShippedEvent;

/** Keeps which stock items hold a reservation for which order, to find them when the order changes. */
@ApplicationScoped
public class ReservationsProjection {

    private final AgroalDataSource dataSource;

    public ReservationsProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(@Observes EventsAppended appended) {
        if (!StockItem.STREAM_TYPE.equals(appended.streamType())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (StoredEvent<?> stored : appended.events()) {
                if (stored.event() instanceof StockReservedEvent reserved) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO reservations (order_id, product_id, quantity) VALUES (?, ?, ?)")) {
                        insert.setObject(1, reserved.orderId());
                        insert.setObject(2, reserved.productId());
                        insert.setInt(3, reserved.quantity());
                        insert.executeUpdate();
                    }
                } else if (stored.event() instanceof StockReleasedEvent released) {
                    delete(connection, released.orderId(), released.productId());
                } else if (stored.event() instanceof StockShippedEvent shipped) {
                    delete(connection, shipped.orderId(), shipped.productId());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot project reservations of " + appended.streamId(), e);
        }
    }

    private static void delete(Connection connection, Object orderId, Object productId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM reservations WHERE order_id = ? AND product_id = ?")) {
            delete.setObject(1, orderId);
            delete.setObject(2, productId);
            delete.executeUpdate();
        }
    }
}
