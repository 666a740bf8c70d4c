package org.acme.orders.shiporder;

import java.util.Objects;
import java.util.UUID;

/**
 * Ship a confirmed order.
 *
 * @param expectedVersion the version the client last read (its If-Match), or null
 */
public record ShipOrder(UUID orderId, Long expectedVersion) {

    public ShipOrder {
        Objects.requireNonNull(orderId, "orderId");
    }
}
