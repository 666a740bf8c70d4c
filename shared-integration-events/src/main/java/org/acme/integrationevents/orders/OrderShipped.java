package org.acme.integrationevents.orders;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * A confirmed order left the warehouse.
 *
 * <p>Publisher: orders. Subscribers: inventory (turns the reservation into a shipment).
 * Version 1: orderId.
 */
@Contract(type = "OrderShipped", version = 1)
public record OrderShipped(UUID orderId) implements IntegrationEvent {

    public OrderShipped {
        Objects.requireNonNull(orderId, "orderId");
    }
}
