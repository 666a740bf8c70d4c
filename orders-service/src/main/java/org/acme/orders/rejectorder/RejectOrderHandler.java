package org.acme.orders.rejectorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderEvent;

/** Rejects a pending order for want of stock. */
@ApplicationScoped
public class RejectOrderHandler {

    private final EventStore eventStore;

    public RejectOrderHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Transactional
    public void handle(RejectOrder command, CommandMetadata metadata) {
        Order order = eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .orElseThrow(() -> new IllegalStateException("no order " + command.orderId() + " to reject"));
        order.reject(command.reason(), metadata.at());
        eventStore.save(Order.STREAM_TYPE, command.orderId(), order, "RejectOrder", metadata);
    }
}
