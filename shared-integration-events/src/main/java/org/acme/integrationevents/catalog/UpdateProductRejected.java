package org.acme.integrationevents.catalog;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * The catalog refused to update a product (for example, it was removed). Published with outcome
 * {@code rejected} so that audit and monitoring see refused commands as well as facts.
 *
 * <p>Publisher: catalog. Subscribers: none yet. Version 1: productId, reason.
 */
@Contract(type = "UpdateProductRejected", version = 1, outcome = Outcome.REJECTED)
public record UpdateProductRejected(UUID productId, String reason) implements IntegrationEvent {

    public UpdateProductRejected {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reason, "reason");
    }
}
