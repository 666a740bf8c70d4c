package org.acme.integrationevents.orders;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * Orders refused to place an order, for instance for a product it does not know or that was
 * removed. Published with outcome {@code rejected}.
 *
 * <p>Publisher: orders. Subscribers: none yet. Version 1: orderId, customerId, reason, productIds
 * (the products at fault).
 */
@Contract(type = "PlaceOrderRejected", version = 1, outcome = Outcome.REJECTED)
public record PlaceOrderRejected(UUID orderId, UUID customerId, String reason, List<UUID> productIds)
        implements IntegrationEvent {

    public PlaceOrderRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }
}
