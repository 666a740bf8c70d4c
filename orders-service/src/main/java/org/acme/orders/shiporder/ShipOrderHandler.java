package org.acme.orders.shiporder;

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
import org.acme.integrationevents.orders.OrderShipped;
import org.acme.integrationevents.orders.ShipOrderRejected;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderEvent;
import org.acme.orders.order.OrderShippedEvent;
import org.acme.orders.order.OrderState;

/** Ships a confirmed order; inventory then turns its reservation into a shipment. A refusal is published as ShipOrderRejected. */
@ApplicationScoped
public class ShipOrderHandler {

    private static final String COMMAND = "ShipOrder";

    private final EventStore eventStore;
    private final Outbox outbox;

    public ShipOrderHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public OrderState handle(ShipOrder command, CommandMetadata metadata) {
        Order order = eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .orElseThrow(() -> new ResourceNotFound("order", command.orderId()));
        StaleVersion.check(command.orderId(), command.expectedVersion(), order.version());
        outbox.decideOrRecordRefusal(() -> order.ship(metadata.actor(), metadata.at()),
                rejected -> new ShipOrderRejected(command.orderId(), rejected.reason()),
                EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), order.version(), COMMAND, metadata));
        for (StoredEvent<OrderEvent> stored : eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)) {
            if (stored.event() instanceof OrderShippedEvent) {
                outbox.enqueue(new OrderShipped(command.orderId()),
                        EventOrigin.of(Order.STREAM_TYPE, command.orderId(), stored.version(), COMMAND, metadata));
            }
        }
        return order.state();
    }
}
