package org.acme.inventory.reservestock;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Hold stock for every line of an order, or for none. Quantities are per product. */
public record ReserveStock(UUID orderId, Map<UUID, Integer> quantities) {

    public ReserveStock {
        Objects.requireNonNull(orderId, "orderId");
        if (quantities == null || quantities.isEmpty()) {
            throw new IllegalArgumentException("an order to reserve for needs at least one line");
        }
        quantities = Map.copyOf(quantities);
    }
}
