package org.acme.integrationevents.inventory;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/**
 * The stock on hand of a product was counted up or down (delivery, write-off, stock take).
 *
 * <p>Publisher: inventory. Subscribers: orders (availability in its product view).
 * Version 1: productId, delta, onHand, reserved, available (all after the adjustment).
 */
@Contract(type = "StockAdjusted", version = 1)
public record StockAdjusted(UUID productId, int delta, int onHand, int reserved, int available)
        implements IntegrationEvent {

    public StockAdjusted {
        Objects.requireNonNull(productId, "productId");
    }
}
