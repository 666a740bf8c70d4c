package org.acme.orders.subscribers.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.orders.productview.ProductView;

/** A product entered the catalog: it can be ordered at its price. */
@ApplicationScoped
public class WhenProductAddedThenAddToProductView implements Subscriber {

    private final ProductView productView;

    public WhenProductAddedThenAddToProductView(ProductView productView) {
        this.productView = productView;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductAddedThenAddToProductView";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductAdded.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1, 2);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        ProductAdded added = EnvelopeCodec.payload(envelope, ProductAdded.class);
        return productView.recordCatalogDetails(added.productId(), added.name(), added.price(), categoryOf(envelope, added),
                CatalogVersion.of(envelope));
    }

    /** Version 1 has no category; version 2 may carry one. */
    private static String categoryOf(Envelope envelope, ProductAdded added) {
        return switch (envelope.schemaVersion()) {
            case 1 -> null;
            case 2 -> added.category();
            default -> throw new IllegalArgumentException("unsupported version " + envelope.schemaVersion());
        };
    }
}
