package org.acme.orders.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order as the orders API shows it, with the version its ETag carries. */
public record OrderState(UUID id, UUID customerId, OrderStatus status, List<Line> lines, BigDecimal total, long version) {

    /** One line as shown: what, how many, at what price. */
    public record Line(UUID productId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public static OrderState of(UUID id, UUID customerId, OrderStatus status, List<OrderLine> lines, BigDecimal total,
                                long version) {
        List<Line> shown = lines.stream()
                .map(line -> new Line(line.productId(), line.productName(), line.quantity(), line.unitPrice(), line.lineTotal()))
                .toList();
        return new OrderState(id, customerId, status, shown, total, version);
    }
}
