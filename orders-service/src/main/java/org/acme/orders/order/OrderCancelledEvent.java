package org.acme.orders.order;

import java.time.Instant;
import java.util.UUID;

/** The order was cancelled before it shipped, in the given status, by whom and when. */
public record OrderCancelledEvent(UUID orderId, OrderStatus cancelledWhile, String cancelledBy, Instant cancelledAt)
        implements OrderEvent {
}
