package org.acme.orders.getorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Timestamp;
import org.acme.infrastructure.eventstore.EventsAppended;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;
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

    private final Sql sql;
    private final ObjectMapper json;

    public OrdersProjection(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    void on(@Observes EventsAppended appended) {
        if (Order.STREAM_TYPE.equals(appended.streamType())) {
            appended.events().forEach(this::apply);
        }
    }

    private void apply(StoredEvent<?> stored) {
        if (stored.event() instanceof OrderPlacedEvent placed) {
            insert(placed, stored.version());
        } else {
            sql.update("UPDATE order_summaries SET status = ?, version = ? WHERE id = ?",
                    statusAfter(stored.event()).name(), stored.version(), stored.streamId());
        }
    }

    private void insert(OrderPlacedEvent placed, long version) {
        OrderState state = OrderState.of(placed.orderId(), placed.customerId(), OrderStatus.PENDING, placed.lines(),
                placed.total(), version);
        sql.update("INSERT INTO order_summaries (id, customer_id, status, lines, total, placed_at, version)"
                        + " VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?)",
                state.id(), state.customerId(), state.status().name(), linesJson(state), state.total(),
                Timestamp.from(placed.placedAt()), version);
    }

    private String linesJson(OrderState state) {
        try {
            return json.writeValueAsString(state.lines());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lines of order " + state.id(), e);
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
