package org.acme.integrationevents.inventory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * What was reserved for a cancelled order is available again.
 *
 * <p>Publisher: inventory. Subscribers: none yet. Version 1: orderId, lines (productId, quantity).
 */
@Contract(type = "StockReleased", version = 1)
public record StockReleased(UUID orderId, List<ReservedLine> lines) implements IntegrationEvent {

    public StockReleased {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }
}
