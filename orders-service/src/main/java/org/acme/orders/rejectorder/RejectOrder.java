package org.acme.orders.rejectorder;

import java.util.Objects;
import java.util.UUID;

/** Inventory could not reserve every line of the order (from ReserveStockRejected). */
public record RejectOrder(UUID orderId, String reason) {

    public RejectOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}
