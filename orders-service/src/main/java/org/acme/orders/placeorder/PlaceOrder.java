package org.acme.orders.placeorder;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A customer orders quantities of products; prices come from orders' product view. */
public record PlaceOrder(UUID orderId, UUID customerId, List<Requested> lines) {

    /** A product and a quantity, as the customer asks for it. */
    public record Requested(UUID productId, int quantity) {

        public Requested {
            Objects.requireNonNull(productId, "productId");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
            }
        }
    }

    public PlaceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        lines = List.copyOf(lines);
    }
}
