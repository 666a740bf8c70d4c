package org.acme.catalog.updateproduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductState;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.EventStream;
import org.acme.infrastructure.eventstore.StoredEvent;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.integrationevents.catalog.ProductUpdated;
import org.acme.integrationevents.catalog.UpdateProductRejected;

/**
 * Updates a product. A refusal is published as {@link UpdateProductRejected} and committed although
 * the command fails: the transaction then holds only that rejection.
 */
@ApplicationScoped
public class UpdateProductHandler {

    private static final String COMMAND = "UpdateProduct";

    private final EventStore eventStore;
    private final Outbox outbox;

    public UpdateProductHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @Transactional(dontRollbackOn = CommandRejected.class)
    public ProductState handle(UpdateProduct command, CommandMetadata metadata) {
        EventStream<ProductEvent> stream = eventStore.read(command.productId(), ProductEvent.class);
        if (!stream.exists()) {
            throw new ResourceNotFound("product", command.productId());
        }
        stream.requireVersion(command.expectedVersion());
        Product product = Product.rehydrate(stream.events());
        try {
            product.update(command.details(), metadata.actor(), metadata.at());
        } catch (CommandRejected rejected) {
            outbox.enqueue(new UpdateProductRejected(command.productId(), rejected.reason()),
                    EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), stream.version(), COMMAND, metadata));
            throw rejected;
        }
        for (StoredEvent<ProductEvent> stored : eventStore.append(Product.STREAM_TYPE, command.productId(),
                stream.version(), product.changes(), COMMAND, metadata)) {
            if (stored.event() instanceof ProductUpdatedEvent updated && publicDetailsChanged(updated)) {
                outbox.enqueue(toIntegrationEvent(updated),
                        EventOrigin.of(Product.STREAM_TYPE, updated.productId(), stored.version(), COMMAND, metadata));
            }
        }
        return product.state();
    }

    /** A change of cost, supplier or notes is the catalog's business only: nothing is published. */
    static boolean publicDetailsChanged(ProductUpdatedEvent updated) {
        return !Objects.equals(updated.previous().name(), updated.details().name())
                || updated.previous().price().compareTo(updated.details().price()) != 0;
    }

    static ProductUpdated toIntegrationEvent(ProductUpdatedEvent updated) {
        return new ProductUpdated(updated.productId(), updated.details().name(), updated.details().price());
    }
}
