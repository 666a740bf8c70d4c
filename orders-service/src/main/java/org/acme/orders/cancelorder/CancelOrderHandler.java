package org.acme.orders.cancelorder;

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

    @WithTransaction
    public Uni<Outcome<OrderState>> handle(CancelOrder command, CommandMetadata metadata) {
        return eventStore.load(command.orderId(), OrderEvent.class, Order::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("order", command.orderId())))
                .invoke(order -> StaleVersion.check(command.orderId(), command.expectedVersion(), order.version()))
                .chain(order -> cancel(order, command, metadata));
    }

    private Uni<Outcome<OrderState>> cancel(Order order, CancelOrder command, CommandMetadata metadata) {
        Optional<CommandRejected> refusal = Decision.attempt(() -> order.cancel(metadata.actor(), metadata.at()));
        if (refusal.isPresent()) {
            return outbox.refuse(refusal.get(), new CancelOrderRejected(command.orderId(), refusal.get().reason()),
                    EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), order.version(), COMMAND, metadata)
                            .expecting(command.expectedVersion()));
        }
        return eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof OrderCancelledEvent
                        ? outbox.enqueue(new OrderCancelled(command.orderId()),
                                EventOrigin.of(Order.STREAM_TYPE, command.orderId(), event.version(), COMMAND, metadata)
                                        .expecting(command.expectedVersion()))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(order.state()));
    }
}
