package org.acme.orders.subscribers.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.catalog.ProductUpdated;
import org.acme.orders.productview.ProductView;

/** A product's name or price changed: new orders use the new ones. */
@ApplicationScoped
public class WhenProductUpdatedThenUpdateProductView implements Subscriber {

    private final ProductView productView;

    public WhenProductUpdatedThenUpdateProductView(ProductView productView) {
        this.productView = productView;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductUpdatedThenUpdateProductView";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductUpdated.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1, 2);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ProductUpdated updated = EnvelopeCodec.payload(envelope, ProductUpdated.class);
        return productView.recordCatalogDetails(updated.productId(), updated.name(), updated.price(), categoryOf(envelope, updated),
                CatalogVersion.of(envelope));
    }

    /** Version 1 has no category; version 2 may carry one. */
    private static String categoryOf(Envelope envelope, ProductUpdated updated) {
        return switch (envelope.schemaVersion()) {
            case 1 -> null;
            case 2 -> updated.category();
            default -> throw new IllegalArgumentException("unsupported version " + envelope.schemaVersion());
        };
    }
}
