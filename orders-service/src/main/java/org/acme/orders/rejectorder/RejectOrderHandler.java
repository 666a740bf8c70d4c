package org.acme.orders.rejectorder;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    @WithTransaction
    public Uni<Void> handle(RejectOrder command, CommandMetadata metadata) {
        return eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new IllegalStateException("no order " + command.orderId() + " to reject")))
                .invoke(order -> order.reject(command.reason(), metadata.at()))
                .chain(order -> eventStore.save(Order.STREAM_TYPE, command.orderId(), order, "RejectOrder", metadata))
                .replaceWithVoid();
    }
}
