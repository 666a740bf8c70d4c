package org.acme.integrationevents.orders;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * An order was cancelled before it shipped; whatever was reserved for it can be released.
 *
 * <p>Publisher: orders. Subscribers: inventory (releases the reservation). Version 1: orderId.
 */
@Contract(type = "OrderCancelled", version = 1)
public record OrderCancelled(UUID orderId) implements IntegrationEvent {

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
    }
}
