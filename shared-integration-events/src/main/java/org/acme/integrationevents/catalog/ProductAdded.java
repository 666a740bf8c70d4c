package org.acme.integrationevents.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Since;

/**
 * A product was added to the catalog and can be ordered.
 *
 * <p>Publisher: catalog. Subscribers: orders (product view), inventory (creates a stock item).
 * Version 1: productId, name, price. Version 2 adds category (optional).
 */
@Contract(type = "ProductAdded", version = 2)
public record ProductAdded(UUID productId, String name, BigDecimal price, @Since(2) String category)
        implements IntegrationEvent {

    public ProductAdded {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
