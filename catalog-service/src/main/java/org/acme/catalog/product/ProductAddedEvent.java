package org.acme.catalog.product;

import java.time.Instant;
import java.util.UUID;

/** A product entered the catalog, with everything the catalog knows of it and who added it. */
public record ProductAddedEvent(UUID productId, ProductDetails details, String addedBy, Instant addedAt)
        implements ProductEvent {
}
