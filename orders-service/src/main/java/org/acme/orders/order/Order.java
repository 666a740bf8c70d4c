package org.acme.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventsourcing.Aggregate;

/**
 * A customer's order, event-sourced. PENDING until inventory answers (CONFIRMED or REJECTED);
 * a pending or confirmed order can be cancelled; only a confirmed one can ship.
 */
public final class Order extends Aggregate<OrderEvent> {

    public static final String STREAM_TYPE = "Order";

    private UUID id;
    private UUID customerId;
    private List<OrderLine> lines;
    private BigDecimal total;
    private OrderStatus status;

    private Order() {
    }

    public static Order place(UUID id, UUID customerId, List<OrderLine> lines, String placedBy, Instant at) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        Order order = new Order();
        order.raise(new OrderPlacedEvent(id, customerId, List.copyOf(lines), total, placedBy, at));
        return order;
    }

    public static Order rehydrate(List<OrderEvent> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("an order's history starts with OrderPlacedEvent");
        }
        Order order = new Order();
        order.replay(history);
        return order;
    }

    /** Inventory reserved the stock. Only a pending order moves: a late answer changes nothing. */
    public void confirm(Instant at) {
        if (status == OrderStatus.PENDING) {
            raise(new OrderConfirmedEvent(id, at));
        }
    }

    /** Inventory could not reserve the stock. Only a pending order moves. */
    public void reject(String reason, Instant at) {
        if (status == OrderStatus.PENDING) {
            raise(new OrderRejectedEvent(id, reason, at));
        }
    }

    public void cancel(String by, Instant at) {
        if (status != OrderStatus.PENDING && status != OrderStatus.CONFIRMED) {
            throw CommandRejected.becauseOfState("cannot cancel an order in status " + status);
        }
        raise(new OrderCancelledEvent(id, status, by, at));
    }

    public void ship(String by, Instant at) {
        if (status != OrderStatus.CONFIRMED) {
            throw CommandRejected.becauseOfState("cannot ship an order in status " + status + ": only a CONFIRMED order ships");
        }
        raise(new OrderShippedEvent(id, by, at));
    }

    public UUID id() {
        return id;
    }

    public OrderStatus status() {
        return status;
    }

    /** The state after the changes not yet stored, at the version they will get. */
    public OrderState state() {
        return OrderState.of(id, customerId, status, lines, total, version() + changes().size());
    }

    @Override
    protected void apply(OrderEvent event) {
        // Exhaustive over the sealed OrderEvent: a new event type does not compile until applied here.
        switch (event) {
            case OrderPlacedEvent placed -> {
                id = placed.orderId();
                customerId = placed.customerId();
                lines = placed.lines();
                total = placed.total();
                status = OrderStatus.PENDING;
            }
            case OrderConfirmedEvent _ -> status = OrderStatus.CONFIRMED;
            case OrderRejectedEvent _ -> status = OrderStatus.REJECTED;
            case OrderCancelledEvent _ -> status = OrderStatus.CANCELLED;
            case OrderShippedEvent _ -> status = OrderStatus.SHIPPED;
        }
    }
}
