package org.acme.integrationevents.inventory;

import java.util.Objects;
import java.util.UUID;

/** A line inventory could not reserve: what was asked and what was available. */
public record Shortage(UUID productId, int requested, int available) {

    public Shortage {
        Objects.requireNonNull(productId, "productId");
    }
}
