package org.acme.integrationevents.inventory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * Inventory could not reserve every line of an order, so it reserved none. Published with outcome
 * {@code rejected}.
 *
 * <p>Publisher: inventory. Subscribers: orders (the order becomes REJECTED).
 * Version 1: orderId, reason, shortages (productId, requested, available).
 */
@Contract(type = "ReserveStockRejected", version = 1, outcome = Outcome.REJECTED)
public record ReserveStockRejected(UUID orderId, String reason, List<Shortage> shortages) implements IntegrationEvent {

    public ReserveStockRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        shortages = List.copyOf(shortages);
    }
}
