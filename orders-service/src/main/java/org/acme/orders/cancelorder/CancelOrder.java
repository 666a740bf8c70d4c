package org.acme.orders.cancelorder;

import java.util.Objects;
import java.util.UUID;

/**
 * Cancel an order that has not shipped.
 *
 * @param expectedVersion the version the client last read (its If-Match), or null
 */
public record CancelOrder(UUID orderId, Long expectedVersion) {

    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
    }
}
