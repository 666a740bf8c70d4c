package org.acme.orders.subscribers.inventory;

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
import org.acme.integrationevents.inventory.StockReserved;
import org.acme.orders.confirmorder.ConfirmOrder;
import org.acme.orders.confirmorder.ConfirmOrderHandler;

/** Inventory reserved every line: the pending order is CONFIRMED. */
@ApplicationScoped
public class WhenStockReservedThenConfirmOrder implements Subscriber {

    private final ConfirmOrderHandler handler;
    private final Clock clock;

    public WhenStockReservedThenConfirmOrder(ConfirmOrderHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenStockReservedThenConfirmOrder";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return StockReserved.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        StockReserved reserved = EnvelopeCodec.payload(envelope, StockReserved.class);
        return handler.handle(new ConfirmOrder(reserved.orderId()), CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
