package org.acme.orders.subscribers.inventory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.acme.infrastructure.subscriptions.Subscriber;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.inventory.StockAdjusted;
import org.acme.orders.productview.ProductView;

/** Inventory counted a product's stock: the view shows how much was available then. */
@ApplicationScoped
public class WhenStockAdjustedThenUpdateAvailability implements Subscriber {

    private final ProductView productView;

    public WhenStockAdjustedThenUpdateAvailability(ProductView productView) {
        this.productView = productView;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenStockAdjustedThenUpdateAvailability";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return StockAdjusted.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        StockAdjusted adjusted = EnvelopeCodec.payload(envelope, StockAdjusted.class);
        Long stockVersion = envelope.metadata().aggregateVersion();
        return productView.recordAvailability(adjusted.productId(), adjusted.available(), stockVersion == null ? 0 : stockVersion);
    }
}
