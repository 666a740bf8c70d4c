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
import org.acme.integrationevents.orders.OrderCancelled;
import org.acme.inventory.releasestock.ReleaseStock;
import org.acme.inventory.releasestock.ReleaseStockHandler;

/** An order was cancelled: give back what it holds. */
@ApplicationScoped
public class WhenOrderCancelledThenReleaseStock implements Subscriber {

    private final ReleaseStockHandler handler;
    private final Clock clock;

    public WhenOrderCancelledThenReleaseStock(ReleaseStockHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenOrderCancelledThenReleaseStock";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return OrderCancelled.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        OrderCancelled cancelled = EnvelopeCodec.payload(envelope, OrderCancelled.class);
        return handler.handle(new ReleaseStock(cancelled.orderId()), CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
