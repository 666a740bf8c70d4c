package org.acme.catalog.product;

import java.math.BigDecimal;
import java.util.UUID;

/** A product as the catalog's API shows it, with the version its ETag carries. */
public record ProductState(UUID id, String name, String description, BigDecimal price, BigDecimal cost,
                           String supplier, String internalNotes, String category, Status status, long version) {

    public enum Status { ACTIVE, REMOVED }

    public static ProductState of(UUID id, ProductDetails details, boolean removed, long version) {
        return new ProductState(id, details.name(), details.description(), details.price(), details.cost(),
                details.supplier(), details.internalNotes(), details.category(),
                removed ? Status.REMOVED : Status.ACTIVE, version);
    }
}
