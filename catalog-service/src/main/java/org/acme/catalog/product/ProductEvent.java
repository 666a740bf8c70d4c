package org.acme.catalog.product;

import java.util.UUID;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/** The domain events of a product, the complete list the event store can read back. */
public sealed interface ProductEvent extends DomainEvent
        permits ProductAddedEvent, ProductUpdatedEvent, ProductRemovedEvent {

    UUID productId();
}
