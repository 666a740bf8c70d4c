package org.acme.inventory.subscribers.orders;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.orders.OrderShipped;
import org.acme.inventory.shipstock.ShipStock;
import org.acme.inventory.shipstock.ShipStockHandler;

/** An order shipped: what it holds leaves the stock on hand. */
@ApplicationScoped
public class WhenOrderShippedThenShipStock implements Subscriber {

    private final ShipStockHandler handler;
    private final Clock clock;

    public WhenOrderShippedThenShipStock(ShipStockHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenOrderShippedThenShipStock";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return OrderShipped.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        OrderShipped shipped = EnvelopeCodec.payload(envelope, OrderShipped.class);
        return handler.handle(new ShipStock(shipped.orderId()), CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
