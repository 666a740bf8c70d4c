package org.acme.catalog.removeproduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.catalog.ProductRemoved;
import org.acme.integrationevents.catalog.RemoveProductRejected;

/** Removes a product; removing it twice is refused and the refusal published. */
@ApplicationScoped
public class RemoveProductHandler {

    private static final String COMMAND = "RemoveProduct";

    private final EventStore eventStore;
    private final Outbox outbox;

    public RemoveProductHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public void handle(RemoveProduct command, CommandMetadata metadata) {
        Product product = eventStore.load(command.productId(), ProductEvent.class, Product::rehydrate)
                .orElseThrow(() -> new ResourceNotFound("product", command.productId()));
        StaleVersion.check(command.productId(), command.expectedVersion(), product.version());
        outbox.decideOrRecordRefusal(() -> product.remove(metadata.actor(), metadata.at()),
                rejected -> new RemoveProductRejected(command.productId(), rejected.reason()),
                EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), product.version(), COMMAND, metadata));
        for (StoredEvent<ProductEvent> stored : eventStore.save(Product.STREAM_TYPE, command.productId(), product,
                COMMAND, metadata)) {
            if (stored.event() instanceof ProductRemovedEvent removed) {
                outbox.enqueue(new ProductRemoved(removed.productId()),
                        EventOrigin.of(Product.STREAM_TYPE, removed.productId(), stored.version(), COMMAND, metadata));
            }
        }
    }
}
