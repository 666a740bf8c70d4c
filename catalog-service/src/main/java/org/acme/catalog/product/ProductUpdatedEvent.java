package org.acme.catalog.product;

import java.time.Instant;
import java.util.UUID;

/** A product's details were replaced; the event keeps the previous ones for the audit trail. */
public record ProductUpdatedEvent(UUID productId, ProductDetails previous, ProductDetails details,
                                  String updatedBy, Instant updatedAt) implements ProductEvent {
}
