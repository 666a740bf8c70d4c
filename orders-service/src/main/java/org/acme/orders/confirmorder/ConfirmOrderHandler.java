package org.acme.orders.confirmorder;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    @WithTransaction
    public Uni<Void> handle(ConfirmOrder command, CommandMetadata metadata) {
        return eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new IllegalStateException("no order " + command.orderId() + " to confirm")))
                .invoke(order -> order.confirm(metadata.at()))
                .chain(order -> eventStore.save(Order.STREAM_TYPE, command.orderId(), order, "ConfirmOrder", metadata))
                .replaceWithVoid();
    }
}
