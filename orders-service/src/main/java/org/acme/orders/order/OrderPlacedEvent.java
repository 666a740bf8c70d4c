package org.acme.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer placed an order, priced from the product view at that moment. */
public record OrderPlacedEvent(UUID orderId, UUID customerId, List<OrderLine> lines, BigDecimal total,
                               String placedBy, Instant placedAt) implements OrderEvent {
}
