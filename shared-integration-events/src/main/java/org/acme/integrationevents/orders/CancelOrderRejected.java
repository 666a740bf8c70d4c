package org.acme.integrationevents.orders;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * Orders refused to cancel an order (it shipped, was rejected or is already cancelled).
 * Published with outcome {@code rejected}.
 *
 * <p>Publisher: orders. Subscribers: none yet. Version 1: orderId, reason.
 */
@Contract(type = "CancelOrderRejected", version = 1, outcome = Outcome.REJECTED)
public record CancelOrderRejected(UUID orderId, String reason) implements IntegrationEvent {

    public CancelOrderRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}
