package org.acme.orders.confirmorder;

import java.util.Objects;
import java.util.UUID;

/** Inventory reserved every line of the order (from StockReserved). */
public record ConfirmOrder(UUID orderId) {

    public ConfirmOrder {
        Objects.requireNonNull(orderId, "orderId");
    }
}
