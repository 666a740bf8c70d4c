package org.acme.orders.order;

import java.time.Instant;
import java.util.UUID;

/** Inventory reserved every line: the order can ship. */
public record OrderConfirmedEvent(UUID orderId, Instant confirmedAt) implements OrderEvent {
}
