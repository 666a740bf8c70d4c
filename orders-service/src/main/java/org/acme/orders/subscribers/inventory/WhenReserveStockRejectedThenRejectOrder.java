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
import org.acme.integrationevents.inventory.ReserveStockRejected;
import org.acme.orders.rejectorder.RejectOrder;
import org.acme.orders.rejectorder.RejectOrderHandler;

/** Inventory could not reserve every line: the pending order is REJECTED. */
@ApplicationScoped
public class WhenReserveStockRejectedThenRejectOrder implements Subscriber {

    private final RejectOrderHandler handler;
    private final Clock clock;

    public WhenReserveStockRejectedThenRejectOrder(RejectOrderHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenReserveStockRejectedThenRejectOrder";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ReserveStockRejected.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ReserveStockRejected rejected = EnvelopeCodec.payload(envelope, ReserveStockRejected.class);
        return handler.handle(new RejectOrder(rejected.orderId(), rejected.reason()),
                CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
