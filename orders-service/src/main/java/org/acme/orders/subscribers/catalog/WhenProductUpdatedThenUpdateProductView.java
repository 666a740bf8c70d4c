package org.acme.orders.subscribers.catalog;

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

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return ProductUpdated.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public void handle(Envelope envelope) throws MalformedEnvelope {
        ProductUpdated updated = EnvelopeCodec.payload(envelope, ProductUpdated.class);
        productView.recordCatalogDetails(updated.productId(), updated.name(), updated.price(), CatalogVersion.of(envelope));
    }
}
