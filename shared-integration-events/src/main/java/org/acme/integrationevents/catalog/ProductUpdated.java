package org.acme.integrationevents.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Since;

/**
 * A product's public details changed; it carries the whole public state, so the latest event is
 * enough to bring a view up to date.
 *
 * <p>Publisher: catalog. Subscribers: orders (product view), inventory (stock item name).
 * Version 1: productId, name, price. Version 2 adds category (optional).
 */
@Contract(type = "ProductUpdated", version = 2)
public record ProductUpdated(UUID productId, String name, BigDecimal price, @Since(2) String category)
        implements IntegrationEvent {

    public ProductUpdated {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
