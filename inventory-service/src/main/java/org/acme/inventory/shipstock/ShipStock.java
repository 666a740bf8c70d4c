package org.acme.inventory.shipstock;

import java.util.Objects;
import java.util.UUID;

/** Turn what is held for a shipped order into a shipment: it leaves the stock on hand. */
public record ShipStock(UUID orderId) {

    public ShipStock {
        Objects.requireNonNull(orderId, "orderId");
    }
}
