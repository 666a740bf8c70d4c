package org.acme.integrationevents.orders;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * Orders refused to ship an order that is not confirmed. Published with outcome {@code rejected}.
 *
 * <p>Publisher: orders. Subscribers: none yet. Version 1: orderId, reason.
 */
@Contract(type = "ShipOrderRejected", version = 1, outcome = Outcome.REJECTED)
public record ShipOrderRejected(UUID orderId, String reason) implements IntegrationEvent {

    public ShipOrderRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}
