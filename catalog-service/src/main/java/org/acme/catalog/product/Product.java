package org.acme.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventsourcing.Aggregate;

/** A product of the catalog, event-sourced: its state is rebuilt from its {@link ProductEvent}s. */
public final class Product extends Aggregate<ProductEvent> {

    public static final String STREAM_TYPE = "Product";

    private UUID id;
    private ProductDetails details;
    private boolean removed;

    private Product() {
    }

    public static Product add(UUID id, ProductDetails details, String addedBy, Instant at) {
        Product product = new Product();
        product.raise(new ProductAddedEvent(id, details, addedBy, at));
        return product;
    }

    public static Product rehydrate(List<ProductEvent> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a product's history starts with ProductAddedEvent");
        }
        Product product = new Product();
        product.replay(history);
        return product;
    }

    /** Replaces the details; replacing them with the same ones changes nothing and records nothing. */
    public void update(ProductDetails newDetails, String updatedBy, Instant at) {
        if (removed) {
            throw CommandRejected.becauseOfState("cannot update product " + id + ": it was removed");
        }
        if (!newDetails.equals(details)) {
            raise(new ProductUpdatedEvent(id, details, newDetails, updatedBy, at));
        }
    }

    public void remove(String removedBy, Instant at) {
        if (removed) {
            throw CommandRejected.becauseOfState("product " + id + " is already removed");
        }
        raise(new ProductRemovedEvent(id, removedBy, at));
    }

    public UUID id() {
        return id;
    }

    public ProductDetails details() {
        return details;
    }

    public boolean removed() {
        return removed;
    }

    /** The state after the changes not yet stored, at the version they will get. */
    public ProductState state() {
        return ProductState.of(id, details, removed, version() + changes().size());
    }

    @Override
    protected void apply(ProductEvent event) {
        // Exhaustive over the sealed ProductEvent: a new event type does not compile until applied here.
        switch (event) {
            case ProductAddedEvent added -> {
                id = added.productId();
                details = added.details();
            }
            case ProductUpdatedEvent updated -> details = updated.details();
            case ProductRemovedEvent _ -> removed = true;
        }
    }
}
