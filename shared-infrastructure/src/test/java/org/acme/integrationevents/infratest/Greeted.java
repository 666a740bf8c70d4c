package org.acme.integrationevents.infratest;

import java.util.Objects;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.IntegrationEvent;

/** A test contract: someone was greeted. Publisher and subscriber: the infrastructure tests. */
@Contract(type = "Greeted", version = 1)
public record Greeted(String name) implements IntegrationEvent {

    public Greeted {
        Objects.requireNonNull(name, "name");
    }
}
