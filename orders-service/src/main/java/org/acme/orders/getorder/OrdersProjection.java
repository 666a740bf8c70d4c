package org.acme.orders.getorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderCancelledEvent;
import org.acme.orders.order.OrderConfirmedEvent;
import org.acme.orders.order.OrderPlacedEvent;
import org.acme.orders.order.OrderRejectedEvent;
import org.acme.orders.order.OrderShippedEvent;
import org.acme.orders.order.OrderState;
import org.acme.orders.order.OrderStatus;

/** Keeps {@code order_summaries} in step with the order streams, inside the appending transaction. */
@ApplicationScoped
public class OrdersProjection {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public OrdersProjection(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void on(@Observes EventsAppended appended) {
        if (!Order.STREAM_TYPE.equals(appended.streamType())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (StoredEvent<?> stored : appended.events()) {
                if (stored.event() instanceof OrderPlacedEvent placed) {
                    insert(connection, placed, stored.version());
                } else {
                    updateStatus(connection, stored, statusAfter(stored.event()));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot project order " + appended.streamId(), e);
        }
    }

    private void insert(Connection connection, OrderPlacedEvent placed, long version) throws SQLException, JsonProcessingException {
        OrderState state = OrderState.of(placed.orderId(), placed.customerId(), OrderStatus.PENDING, placed.lines(),
                placed.total(), version);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_summaries"
                + " (id, customer_id, status, lines, total, placed_at, version) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?)")) {
            insert.setObject(1, state.id());
            insert.setObject(2, state.customerId());
            insert.setString(3, state.status().name());
            insert.setString(4, json.writeValueAsString(state.lines()));
            insert.setBigDecimal(5, state.total());
            insert.setTimestamp(6, Timestamp.from(placed.placedAt()));
            insert.setLong(7, version);
            insert.executeUpdate();
        }
    }

    private static void updateStatus(Connection connection, StoredEvent<?> stored, OrderStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE order_summaries SET status = ?, version = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, stored.version());
            update.setObject(3, stored.streamId());
            update.executeUpdate();
        }
    }

    private static OrderStatus statusAfter(Object event) {
        if (event instanceof OrderConfirmedEvent) {
            return OrderStatus.CONFIRMED;
        } else if (event instanceof OrderRejectedEvent) {
            return OrderStatus.REJECTED;
        } else if (event instanceof OrderCancelledEvent) {
            return OrderStatus.CANCELLED;
        } else if (event instanceof OrderShippedEvent) {
            return OrderStatus.SHIPPED;
        }
        throw new IllegalArgumentException("no status follows " + event.getClass().getName());
    }
}
