package org.acme.catalog.updateproduct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductState;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
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
        Product product = eventStore.load(command.productId(), ProductEvent.class, Product::rehydrate)
                .orElseThrow(() -> new ResourceNotFound("product", command.productId()));
        StaleVersion.check(command.productId(), command.expectedVersion(), product.version());
        outbox.decideOrRecordRefusal(() -> product.update(command.details(), metadata.actor(), metadata.at()),
                rejected -> new UpdateProductRejected(command.productId(), rejected.reason()),
                EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), product.version(), COMMAND, metadata));
        for (StoredEvent<ProductEvent> stored : eventStore.save(Product.STREAM_TYPE, command.productId(), product,
                COMMAND, metadata)) {
            if (stored.event() instanceof ProductUpdatedEvent updated && publicDetailsChanged(updated)) {
                outbox.enqueue(toIntegrationEvent(updated),
                        EventOrigin.of(Product.STREAM_TYPE, updated.productId(), stored.version(), COMMAND, metadata));
            }
        }
        return product.state();
    }

    /** A change of description, cost, supplier or notes is the catalog's business only: nothing is published. */
    static boolean publicDetailsChanged(ProductUpdatedEvent updated) {
        ProductDetails before = updated.previous();
        ProductDetails after = updated.details();
        return !Objects.equals(before.name(), after.name())
                || before.price().compareTo(after.price()) != 0
                || !Objects.equals(before.category(), after.category());
    }

    static ProductUpdated toIntegrationEvent(ProductUpdatedEvent updated) {
        ProductDetails details = updated.details();
        return new ProductUpdated(updated.productId(), details.name(), details.price(), details.category());
    }
}
