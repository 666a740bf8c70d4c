package org.acme.orders.order;

import java.util.UUID;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/** The domain events of an order, the complete list the event store can read back. */
public sealed interface OrderEvent extends DomainEvent permits OrderPlacedEvent, OrderConfirmedEvent,
        OrderRejectedEvent, OrderCancelledEvent, OrderShippedEvent {

    UUID orderId();
}
