package org.acme.orders.order;

import java.time.Instant;
import java.util.UUID;

/** Inventory could not reserve every line, for the reason given. */
public record OrderRejectedEvent(UUID orderId, String reason, Instant rejectedAt) implements OrderEvent {
}
