package org.acme.integrationevents.catalog;

import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;

/**
 * The catalog refused to remove a product (for example, it was already removed). Published with
 * outcome {@code rejected}.
 *
 * <p>Publisher: catalog. Subscribers: none yet. Version 1: productId, reason.
 */
@Contract(type = "RemoveProductRejected", version = 1, outcome = Outcome.REJECTED)
public record RemoveProductRejected(UUID productId, String reason) implements IntegrationEvent {

    public RemoveProductRejected {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(reason, "reason");
    }
}
