package org.acme.orders.cancelorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.orders.CancelOrderRejected;
import org.acme.integrationevents.orders.OrderCancelled;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderCancelledEvent;
import org.acme.orders.order.OrderEvent;
import org.acme.orders.order.OrderState;

/** Cancels an order; inventory then releases its stock. A refusal is published as CancelOrderRejected. */
@ApplicationScoped
public class CancelOrderHandler {

    private static final String COMMAND = "CancelOrder";

    private final EventStore eventStore;
    private final Outbox outbox;

    public CancelOrderHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public OrderState handle(CancelOrder command, CommandMetadata metadata) {
        Order order = eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .orElseThrow(() -> new ResourceNotFound("order", command.orderId()));
        StaleVersion.check(command.orderId(), command.expectedVersion(), order.version());
        outbox.decideOrRecordRefusal(() -> order.cancel(metadata.actor(), metadata.at()),
                rejected -> new CancelOrderRejected(command.orderId(), rejected.reason()),
                EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), order.version(), COMMAND, metadata));
        for (StoredEvent<OrderEvent> stored : eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)) {
            if (stored.event() instanceof OrderCancelledEvent) {
                outbox.enqueue(new OrderCancelled(command.orderId()),
                        EventOrigin.of(Order.STREAM_TYPE, command.orderId(), stored.version(), COMMAND, metadata));
            }
        }
        return order.state();
    }
}
