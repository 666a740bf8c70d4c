package org.acme.inventory.subscribers.orders;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.orders.OrderPlaced;
import org.acme.inventory.reservestock.ReserveStock;
import org.acme.inventory.reservestock.ReserveStockHandler;

/** An order was placed: reserve all its lines or none. */
@ApplicationScoped
public class WhenOrderPlacedThenReserveStock implements Subscriber {

    private final ReserveStockHandler handler;
    private final Clock clock;

    public WhenOrderPlacedThenReserveStock(ReserveStockHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenOrderPlacedThenReserveStock";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return OrderPlaced.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        OrderPlaced placed = EnvelopeCodec.payload(envelope, OrderPlaced.class);
        Map<UUID, Integer> quantities = placed.lines().stream()
                .collect(Collectors.toMap(OrderPlaced.Line::productId, OrderPlaced.Line::quantity, Integer::sum));
        return handler.handle(new ReserveStock(placed.orderId(), quantities),
                CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
