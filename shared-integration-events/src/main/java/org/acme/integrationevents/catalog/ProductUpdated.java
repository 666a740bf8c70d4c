package org.acme.integrationevents.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * A product's public details changed; it carries the whole public state, so the latest event is
 * enough to bring a view up to date.
 *
 * <p>Publisher: catalog. Subscribers: orders (product view), inventory (stock item name).
 * Version 1: productId, name, price.
 */
@Contract(type = "ProductUpdated", version = 1)
public record ProductUpdated(UUID productId, String name, BigDecimal price) implements IntegrationEvent {

    public ProductUpdated {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
