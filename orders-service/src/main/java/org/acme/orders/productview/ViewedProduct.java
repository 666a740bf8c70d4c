package org.acme.orders.productview;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product as orders knows it from the catalog's and inventory's events.
 *
 * @param category  null when the catalog did not give one (or spoke version 1 of its events)
 * @param available how many inventory had available at its last adjustment; null until it tells
 */
public record ViewedProduct(UUID productId, String name, BigDecimal price, String category, Integer available,
                            Status status) {

    public enum Status { ACTIVE, REMOVED }

    public boolean orderable() {
        return status == Status.ACTIVE;
    }
}
