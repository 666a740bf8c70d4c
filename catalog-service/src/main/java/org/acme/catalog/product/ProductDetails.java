package org.acme.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What the catalog knows about a product. Name, price and category are public; description, cost,
 * supplier and internal notes stay in the catalog.
 */
public record ProductDetails(String name, String description, BigDecimal price, BigDecimal cost,
                             String supplier, String internalNotes, String category) {

    public ProductDetails {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a product needs a name");
        }
        name = name.strip();
        price = money(Objects.requireNonNull(price, "price"), "price");
        cost = cost == null ? null : money(cost, "cost");
    }

    private static BigDecimal money(BigDecimal amount, String what) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " has more than 2 decimal places: " + amount);
        }
    }
}
