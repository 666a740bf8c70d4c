package org.acme.inventory.stockitem;

import java.util.UUID;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/** The domain events of a stock item, the complete list the event store can read back. */
public sealed interface StockItemEvent extends DomainEvent permits StockItemTrackedEvent, StockItemRenamedEvent,
        StockItemDiscontinuedEvent, StockAdjustedEvent, StockReservedEvent, StockReleasedEvent, StockShippedEvent {

    UUID productId();
}
