package org.acme.orders.placeorder;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
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

    @WithTransaction
    public Uni<Outcome<OrderState>> handle(PlaceOrder command, CommandMetadata metadata) {
        List<OrderLine> lines = new ArrayList<>();
        List<UUID> notOrderable = new ArrayList<>();
        return InSequence.each(command.lines(), requested -> productView.find(requested.productId()).invoke(product -> {
                    if (product.filter(ViewedProduct::orderable).isPresent()) {
                        lines.add(new OrderLine(requested.productId(), product.get().name(), requested.quantity(),
                                product.get().price()));
                    } else {
                        notOrderable.add(requested.productId());
                    }
                }))
                .chain(() -> notOrderable.isEmpty() ? place(command, lines, metadata) : refuse(command, notOrderable, metadata));
    }

    private Uni<Outcome<OrderState>> refuse(PlaceOrder command, List<UUID> notOrderable, CommandMetadata metadata) {
        CommandRejected refusal = CommandRejected.becauseOfRule("unknown or removed products: " + notOrderable);
        return outbox.refuse(refusal, new PlaceOrderRejected(command.orderId(), command.customerId(), refusal.reason(), notOrderable),
                EventOrigin.rejected(Order.STREAM_TYPE, command.orderId(), 0, COMMAND, metadata));
    }

    private Uni<Outcome<OrderState>> place(PlaceOrder command, List<OrderLine> lines, CommandMetadata metadata) {
        Order order = Order.place(command.orderId(), command.customerId(), lines, metadata.actor(), metadata.at());
        return eventStore.save(Order.STREAM_TYPE, command.orderId(), order, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof OrderPlacedEvent placed
                        ? outbox.enqueue(toIntegrationEvent(placed),
                                EventOrigin.of(Order.STREAM_TYPE, placed.orderId(), event.version(), COMMAND, metadata))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(order.state()));
    }

    /** What inventory needs to reserve: products and quantities, not names, prices nor who placed it. */
    static OrderPlaced toIntegrationEvent(OrderPlacedEvent placed) {
        return new OrderPlaced(placed.orderId(), placed.customerId(), placed.lines().stream()
                .map(line -> new OrderPlaced.Line(line.productId(), line.quantity()))
                .toList());
    }
}
