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
import org.acme.integrationevents.catalog.ProductUpdated;
import org.acme.inventory.trackproducts.RenameProduct;
import org.acme.inventory.trackproducts.TrackProductsHandler;

/** The catalog changed a product: the stock item follows its name (price is not inventory's business). */
@ApplicationScoped
public class WhenProductUpdatedThenRenameStockItem implements Subscriber {

    private final TrackProductsHandler handler;
    private final Clock clock;

    public WhenProductUpdatedThenRenameStockItem(TrackProductsHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductUpdatedThenRenameStockItem";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductUpdated.class;
    }

    /** Version 2 only adds the category, which is not inventory's business: both are read alike. */
    @Override
    public Set<Integer> versions() {
        return Set.of(1, 2);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ProductUpdated updated = EnvelopeCodec.payload(envelope, ProductUpdated.class);
        return handler.handle(new RenameProduct(updated.productId(), updated.name(),
                        WhenProductAddedThenTrackStockItem.catalogVersionOf(envelope)),
                CommandMetadata.causedBy(envelope, getClass().getSimpleName(), clock));
    }
}
