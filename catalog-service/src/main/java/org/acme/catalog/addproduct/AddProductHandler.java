package org.acme.catalog.addproduct;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductAddedEvent;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductState;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.catalog.ProductAdded;

/** Adds a product: its domain event and its integration event commit together, or neither does. */
@ApplicationScoped
public class AddProductHandler {

    private static final String COMMAND = "AddProduct";

    private final EventStore eventStore;
    private final Outbox outbox;

    public AddProductHandler(EventStore eventStore, Outbox outbox) {
        this.eventStore = eventStore;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ProductState> handle(AddProduct command, CommandMetadata metadata) {
        Product product = Product.add(command.productId(), command.details(), metadata.actor(), metadata.at());
        return eventStore.append(Product.STREAM_TYPE, command.productId(), 0, product.changes(), COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof ProductAddedEvent added
                        ? outbox.enqueue(toIntegrationEvent(added),
                                EventOrigin.of(Product.STREAM_TYPE, added.productId(), event.version(), COMMAND, metadata))
                        : Uni.createFrom().voidItem()))
                .replaceWith(product.state());
    }

    /** Only what other contexts may rely on: no description, cost, supplier, notes, nor who added it. */
    static ProductAdded toIntegrationEvent(ProductAddedEvent added) {
        ProductDetails details = added.details();
        return new ProductAdded(added.productId(), details.name(), details.price(), details.category());
    }
}
