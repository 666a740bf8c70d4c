package org.acme.integrationevents.catalog;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * A product was taken out of the catalog: it can no longer be ordered.
 *
 * <p>Publisher: catalog. Subscribers: orders (product view), inventory (discontinues the stock item).
 * Version 1: productId.
 */
@Contract(type = "ProductRemoved", version = 1)
public record ProductRemoved(UUID productId) implements IntegrationEvent {

    public ProductRemoved {
        Objects.requireNonNull(productId, "productId");
    }
}
