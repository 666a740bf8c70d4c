package org.acme.orders.confirmorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderEvent;

/**
 * Confirms a pending order. An order orders does not know is an error worth retrying and then
 * dead-lettering, never a silent skip: orders wrote it before publishing OrderPlaced.
 */
@ApplicationScoped
public class ConfirmOrderHandler {

    private final EventStore eventStore;

    public ConfirmOrderHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Transactional
    public void handle(ConfirmOrder command, CommandMetadata metadata) {
        Order order = eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .orElseThrow(() -> new IllegalStateException("no order " + command.orderId() + " to confirm"));
        order.confirm(metadata.at());
        eventStore.save(Order.STREAM_TYPE, command.orderId(), order, "ConfirmOrder", metadata);
    }
}
