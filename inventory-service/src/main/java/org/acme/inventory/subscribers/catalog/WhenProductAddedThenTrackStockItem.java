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
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.inventory.trackproducts.TrackProduct;
import org.acme.inventory.trackproducts.TrackProductsHandler;

/** A product entered the catalog: inventory starts tracking its stock, with nothing on hand. */
@ApplicationScoped
public class WhenProductAddedThenTrackStockItem implements Subscriber {

    private final TrackProductsHandler handler;
    private final Clock clock;

    public WhenProductAddedThenTrackStockItem(TrackProductsHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductAddedThenTrackStockItem";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductAdded.class;
    }

    /** Version 2 only adds the category, which is not inventory's business: both are read alike. */
    @Override
    public Set<Integer> versions() {
        return Set.of(1, 2);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ProductAdded added = EnvelopeCodec.payload(envelope, ProductAdded.class);
        return handler.handle(new TrackProduct(added.productId(), added.name(), catalogVersionOf(envelope)),
                CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }

    static long catalogVersionOf(Envelope envelope) {
        Long version = envelope.metadata().aggregateVersion();
        return version == null ? 0 : version;
    }
}
