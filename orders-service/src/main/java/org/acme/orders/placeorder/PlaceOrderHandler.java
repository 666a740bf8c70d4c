package org.acme.orders.placeorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.orders.OrderPlaced;
import org.acme.integrationevents.orders.PlaceOrderRejected;
import org.acme.orders.order.Order;
import org.acme.orders.order.OrderEvent;
import org.acme.orders.order.OrderLine;
import org.acme.orders.order.OrderPlacedEvent;
import org.acme.orders.order.OrderState;
import org.acme.orders.productview.ProductView;
import org.acme.orders.productview.ViewedProduct;

/**
 * Places an order priced from the product view. A product the view does not know, or knows as
 * removed, refuses the whole order: PlaceOrderRejected is published and the API answers 422.
 */
@ApplicationScoped
public class PlaceOrderHandler {

    private static final String COMMAND = "PlaceOrder";

    private final EventStore eventStore;
    private final ProductView productView;
    private final Outbox outbox;

    public PlaceOrderHandler(EventStore eventStore, ProductView productView, Outbox outbox) {
        this.eventStore = eventStore;
        this.productView = productView;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public OrderState handle(PlaceOrder command, CommandMetadata metadata) {
        List<OrderLine> lines = new ArrayList<>();
        List<UUID> notOrderable = new ArrayList<>();
        for (PlaceOrder.Requested requested : command.lines()) {
            Optional<ViewedProduct> product = productView.find(requested.productId()).filter(ViewedProduct::orderable);
            if (product.isPresent()) {
                lines.add(new OrderLine(requested.productId(), product.get().name(), requested.quantity(), product.get().price()));
            } else {
                notOrderable.add(requested.productId());
            }
        }
        if (!notOrderable.isEmpty()) {
            CommandRejected rejected = CommandRejected.becauseOfRule("unknown or removed products: " + notOrderable);
            outbox.enqueue(new PlaceOrderRejected(command.orderId(), command.customerId(), rejected.reason(), notOrderable),
                    EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), 0, COMMAND, metadata));
            throw rejected;
        }
        Order order = Order.place(command.orderId(), command.customerId(), lines, metadata.actor(), metadata.at());
        for (StoredEvent<OrderEvent> stored : eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)) {
            if (stored.event() instanceof OrderPlacedEvent placed) {
                outbox.enqueue(toIntegrationEvent(placed),
                        EventOrigin.of(Order.STREAM_TYPE, placed.orderId(), stored.version(), COMMAND, metadata));
            }
        }
        return order.state();
    }

    /** What inventory needs to reserve: products and quantities, not names, prices nor who placed it. */
    static OrderPlaced toIntegrationEvent(OrderPlacedEvent placed) {
        return new OrderPlaced(placed.orderId(), placed.customerId(), placed.lines().stream()
                .map(line -> new OrderPlaced.Line(line.productId(), line.quantity()))
                .toList());
    }
}
