package org.acme.catalog.removeproduct;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.acme.catalog.product.Product;
import org.acme.catalog.product.ProductEvent;
import org.acme.catalog.product.ProductRemovedEvent;
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

    @WithTransaction
    public Uni<Outcome<Void>> handle(RemoveProduct command, CommandMetadata metadata) {
        return eventStore.load(command.productId(), ProductEvent.class, Product::rehydrate)
                .onItem().transform(found -> found.orElseThrow(() -> new ResourceNotFound("product", command.productId())))
                .invoke(product -> StaleVersion.check(command.productId(), command.expectedVersion(), product.version()))
                .chain(product -> remove(product, command, metadata));
    }

    private Uni<Outcome<Void>> remove(Product product, RemoveProduct command, CommandMetadata metadata) {
        Optional<CommandRejected> refusal = Decision.attempt(() -> product.remove(metadata.actor(), metadata.at()));
        if (refusal.isPresent()) {
            return outbox.refuse(refusal.get(), new RemoveProductRejected(command.productId(), refusal.get().reason()),
                    EventOrigin.rejected(Product.STREAM_TYPE, command.productId(), product.version(), COMMAND, metadata)
                            .expecting(command.expectedVersion()));
        }
        return eventStore.save(Product.STREAM_TYPE, command.productId(), product, COMMAND, metadata)
                .chain(stored -> InSequence.each(stored, event -> event.event() instanceof ProductRemovedEvent removed
                        ? outbox.enqueue(new ProductRemoved(removed.productId()),
                                EventOrigin.of(Product.STREAM_TYPE, removed.productId(), event.version(), COMMAND, metadata)
                                        .expecting(command.expectedVersion()))
                        : Uni.createFrom().voidItem()))
                .replaceWith(Outcome.accepted(null));
    }
}
