package org.acme.catalog.updateproduct;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductDetails;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductState;
import org.acme.catalog.product.ProductUpdatedEvent;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.commands.Decision;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.eventstore.EventStore;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.http.ResourceNotFound;
import org.acme.infrastructure.outbox.EventOrigin;
import org.acme.infrastructure.outbox.Outbox;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.catalog.ProductUpdated;
import org.acme.integrationevents.catalog.UpdateProductRejected;

/**
 * Updates a product. A refusal is published as {@link UpdateProductRejected} and committed, as the
 * command's outcome: the transaction then holds only that rejection.
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

    @WithTransaction
    public Uni<Outcome<ProductState>> handle(UpdateProduct command, CommandMetadata metadata) {
        return eventStore.load(command.productId(), ProductEvent.class, Product::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("product", command.productId())))
                .invoke(product -> StaleVersion.check(command.productId(), command.expectedVersion(), product.version()))
                .chain(product -> update(product, command, metadata));
    }

    private Uni<Outcome<ProductState>> update(Product product, UpdateProduct command, CommandMetadata metadata) {
        Optional<CommandRejected> refusal = Decision.attempt(() -> product.update(command.details(), metadata.actor(), metadata.at()));
        if (refusal.isPresent()) {
            return outbox.refuse(refusal.get(), new UpdateProductRejected(command.productId(), refusal.get().reason()),
                    EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), product.version(), COMMAND, metadata)
                            .expecting(command.expectedVersion()));
        }
        return eventStore.save(Product.STREAM_TYPE, command.productId(), product, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof ProductUpdatedEvent updated
                        && publicDetailsChanged(updated)
                        ? outbox.enqueue(toIntegrationEvent(updated),
                                EventOrigin.of(Product.STREAM_TYPE, updated.productId(), event.version(), COMMAND, metadata)
                                        .expecting(command.expectedVersion()))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(product.state()));
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
