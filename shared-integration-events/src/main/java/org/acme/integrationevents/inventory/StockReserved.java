package org.acme.integrationevents.inventory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * Every line of an order is reserved.
 *
 * <p>Publisher: inventory. Subscribers: orders (the order becomes CONFIRMED).
 * Version 1: orderId, lines (productId, quantity).
 */
@Contract(type = "StockReserved", version = 1)
public record StockReserved(UUID orderId, List<ReservedLine> lines) implements IntegrationEvent {

    public StockReserved {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }
}
