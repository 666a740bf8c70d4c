package org.acme.inventory.reservations;

import java.util.UUID;

/** How much of one stock item one order holds: a row of the reservations read model. */
public record HeldStock(UUID orderId, UUID productId, int quantity) {
}
