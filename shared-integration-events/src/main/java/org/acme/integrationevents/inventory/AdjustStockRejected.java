package org.acme.integrationevents.inventory;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * Inventory refused a stock adjustment (it would take reserved stock away, or the item is
 * discontinued). Published with outcome {@code rejected}.
 *
 * <p>Publisher: inventory. Subscribers: none yet. Version 1: productId, delta, reason.
 */
@Contract(type = "AdjustStockRejected", version = 1, outcome = Outcome.REJECTED)
public record AdjustStockRejected(UUID productId, int delta, String reason) implements IntegrationEvent {

    public AdjustStockRejected {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reason, "reason");
    }
}
