package org.acme.orders.getorder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.eventstore.InlineProjection;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.sql.Sql;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderCancelledEvent;
import org.acme.orders.order.OrderConfirmedEvent;
import org.acme.orders.order.OrderEvent;
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
        // An order's stream holds OrderEvents only; the switch is exhaustive over them.
        return switch ((OrderEvent) stored.event()) {
            case OrderPlacedEvent placed -> place(placed, stored.version());
            case OrderConfirmedEvent _ -> moveOn(stored, OrderStatus.CONFIRMED);
            case OrderRejectedEvent _ -> moveOn(stored, OrderStatus.REJECTED);
            case OrderCancelledEvent _ -> moveOn(stored, OrderStatus.CANCELLED);
            case OrderShippedEvent _ -> moveOn(stored, OrderStatus.SHIPPED);
        };
    }

    private Uni<Integer> place(OrderPlacedEvent placed, long version) {
        OrderState state = OrderState.of(placed.orderId(), placed.customerId(), OrderStatus.PENDING, placed.lines(),
                placed.total(), version);
        return sql.update(PLACE, state.id(), state.customerId(), state.status().name(), orders.linesJson(state), state.total(),
                placed.placedAt(), version);
    }

    private Uni<Integer> moveOn(StoredEvent<?> stored, OrderStatus status) {
        return sql.update(MOVE_ON, status.name(), stored.version(), stored.streamId());
    }
}
