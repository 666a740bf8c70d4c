package org.acme.integrationevents.orders;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * A customer placed an order; it waits for stock to be reserved.
 *
 * <p>Publisher: orders. Subscribers: inventory (reserves every line or none).
 * Version 1: orderId, customerId, lines (productId, quantity).
 */
@Contract(type = "OrderPlaced", version = 1)
public record OrderPlaced(UUID orderId, UUID customerId, List<Line> lines) implements IntegrationEvent {

    /** A product and how many of it the order asks for. */
    public record Line(UUID productId, int quantity) {

        public Line {
            Objects.requireNonNull(productId, "productId");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
            }
        }
    }

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
        lines = List.copyOf(lines);
    }
}
