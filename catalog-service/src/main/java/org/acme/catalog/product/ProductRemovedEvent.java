package org.acme.catalog.product;

import java.time.Instant;
import java.util.UUID;

/** A product left the catalog. Its history stays in the event store. */
public record ProductRemovedEvent(UUID productId, String removedBy, Instant removedAt) implements ProductEvent {
}
