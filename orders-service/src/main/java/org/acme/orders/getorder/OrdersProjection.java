package org.acme.orders.getorder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.eventstore.InlineProjection;
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
public class OrdersProjection implements InlineProjection {

    private final Orders orders;

    public OrdersProjection(Orders orders) {
        this.orders = orders;
    }

    @Override
    public String streamType() {
        return Order.STREAM_TYPE;
    }

    @Override
    public Uni<?> apply(StoredEvent<?> stored) {
        if (stored.event() instanceof OrderPlacedEvent placed) {
            return orders.persist(summaryOf(placed, stored.version()));
        }
        return orders.findById(stored.streamId()).invoke(summary -> {
            summary.status = statusAfter(stored.event()).name();
            summary.version = stored.version();
        });
    }

    private OrderSummary summaryOf(OrderPlacedEvent placed, long version) {
        OrderState state = OrderState.of(placed.orderId(), placed.customerId(), OrderStatus.PENDING, placed.lines(),
                placed.total(), version);
        OrderSummary summary = new OrderSummary();
        summary.id = state.id();
        summary.customerId = state.customerId();
        summary.status = state.status().name();
        summary.lines = orders.linesJson(state);
        summary.total = state.total();
        summary.placedAt = placed.placedAt();
        summary.version = version;
        return summary;
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
