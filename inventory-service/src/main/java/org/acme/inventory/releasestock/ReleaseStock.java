package org.acme.inventory.releasestock;

import java.util.Objects;
import java.util.UUID;

/** Give back whatever is held for a cancelled order. */
public record ReleaseStock(UUID orderId) {

    public ReleaseStock {
        Objects.requireNonNull(orderId, "orderId");
    }
}
