package org.acme.inventory.subscribers.catalog;

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
import org.acme.integrationevents.catalog.ProductRemoved;
import org.acme.inventory.trackproducts.DiscontinueProduct;
import org.acme.inventory.trackproducts.TrackProductsHandler;

/** The catalog removed a product: its stock item takes no more reservations. */
@ApplicationScoped
public class WhenProductRemovedThenDiscontinueStockItem implements Subscriber {

    private final TrackProductsHandler handler;
    private final Clock clock;

    public WhenProductRemovedThenDiscontinueStockItem(TrackProductsHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductRemovedThenDiscontinueStockItem";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductRemoved.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ProductRemoved removed = EnvelopeCodec.payload(envelope, ProductRemoved.class);
        return handler.handle(new DiscontinueProduct(removed.productId(), WhenProductAddedThenTrackStockItem.catalogVersionOf(envelope)),
                CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
