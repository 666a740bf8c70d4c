package org.acme.orders.shiporder;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.commands.Decision;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
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

    @WithTransaction
    public Uni<Outcome<OrderState>> handle(ShipOrder command, CommandMetadata metadata) {
        return eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("order", command.orderId())))
                .invoke(order -> StaleVersion.check(command.orderId(), command.expectedVersion(), order.version()))
                .chain(order -> ship(order, command, metadata));
    }

    private Uni<Outcome<OrderState>> ship(Order order, ShipOrder command, CommandMetadata metadata) {
        Optional<CommandRejected> refusal = Decision.attempt(() -> order.ship(metadata.actor(), metadata.at()));
        if (refusal.isPresent()) {
            return outbox.refuse(refusal.get(), new ShipOrderRejected(command.orderId(), refusal.get().reason()),
                    EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), order.version(), COMMAND, metadata)
                            .expecting(command.expectedVersion()));
        }
        return eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof OrderShippedEvent
                        ? outbox.enqueue(new OrderShipped(command.orderId()),
                                EventOrigin.of(Order.STREAM_TYPE, command.orderId(), event.version(), COMMAND, metadata)
                                        .expecting(command.expectedVersion()))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(order.state()));
    }
}
