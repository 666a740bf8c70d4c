package org.acme.orders.order;

import java.time.Instant;
import java.util.UUID;

/** The order left the warehouse. */
public record OrderShippedEvent(UUID orderId, String shippedBy, Instant shippedAt) implements OrderEvent {
}
