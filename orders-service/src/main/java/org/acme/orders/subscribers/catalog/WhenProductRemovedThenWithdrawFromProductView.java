package org.acme.orders.subscribers.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.catalog.ProductRemoved;
import org.acme.orders.productview.ProductView;

/** A product left the catalog: it can no longer be ordered. */
@ApplicationScoped
public class WhenProductRemovedThenWithdrawFromProductView implements Subscriber {

    private final ProductView productView;

    public WhenProductRemovedThenWithdrawFromProductView(ProductView productView) {
        this.productView = productView;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenProductRemovedThenWithdrawFromProductView";
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
        return productView.withdraw(removed.productId(), CatalogVersion.of(envelope));
    }
}
