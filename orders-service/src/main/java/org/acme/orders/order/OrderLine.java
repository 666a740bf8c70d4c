package org.acme.orders.order;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A product of an order, at the name and price the order was placed with. */
public record OrderLine(UUID productId, String productName, int quantity, BigDecimal unitPrice) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
