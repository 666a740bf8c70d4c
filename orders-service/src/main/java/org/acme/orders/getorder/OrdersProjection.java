package org.acme.orders.getorder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.eventstore.InlineProjection;
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

/**
 * Keeps {@code order_summaries} in step with the order streams, inside the appending transaction: one
 * statement per event (a placement inserts the summary, every later event moves its status on), no
 * managed entity, which would cost a load and a dirty check on every flush of the transaction.
 */
@ApplicationScoped
public class OrdersProjection implements InlineProjection {

    private static final String PLACE = "INSERT INTO order_summaries (id, customer_id, status, lines, total, placed_at, version)"
            + " VALUES (?, ?, ?, CAST(CAST(? AS text) AS jsonb), ?, ?, ?)";
    private static final String MOVE_ON = "UPDATE order_summaries SET status = ?, version = ? WHERE id = ?";

    private final Orders orders;
    private final Sql sql;

    public OrdersProjection(Orders orders, Sql sql) {
        this.orders = orders;
        this.sql = sql;
    }

    @Override
    public String streamType() {
        return Order.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        if (stored.event() instanceof OrderPlacedEvent placed) {
            OrderState state = OrderState.of(placed.orderId(), placed.customerId(), OrderStatus.PENDING, placed.lines(),
                    placed.total(), stored.version());
            return sql.update(PLACE, state.id(), state.customerId(), state.status().name(), orders.linesJson(state), state.total(),
                    placed.placedAt(), stored.version());
        }
        return sql.update(MOVE_ON, statusAfter(stored.event()).name(), stored.version(), stored.streamId());
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
