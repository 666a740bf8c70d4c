package org.acme.catalog.removeproduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductRemovedEvent;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.EventStream;
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
        EventStream<ProductEvent> stream = eventStore.read(command.productId(), ProductEvent.class);
        if (!stream.exists()) {
            throw new ResourceNotFound("product", command.productId());
        }
        stream.requireVersion(command.expectedVersion());
        Product product = Product.rehydrate(stream.events());
        try {
            product.remove(metadata.actor(), metadata.at());
        } catch (CommandRejected rejected) {
            outbox.enqueue(new RemoveProductRejected(command.productId(), rejected.reason()),
                    EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), stream.version(), COMMAND, metadata));
            throw rejected;
        }
        for (StoredEvent<ProductEvent> stored : eventStore.append(Product.STREAM_TYPE, command.productId(),
                stream.version(), product.changes(), COMMAND, metadata)) {
            if (stored.event() instanceof ProductRemovedEvent removed) {
                outbox.enqueue(new ProductRemoved(removed.productId()),
                        EventOrigin.of(Product.STREAM_TYPE, removed.productId(), stored.version(), COMMAND, metadata));
            }
        }
    }
}
