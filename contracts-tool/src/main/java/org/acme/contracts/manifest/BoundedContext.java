package org.acme.contracts.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bounded context as the manifest declares it: what it says it publishes and subscribes to. The
 * lists restate the events' own entries so that a reader sees a context at a glance; the validator
 * holds them to agree.
 */
public record BoundedContext(String name, String description, List<String> publishes, List<String> subscribes) {

    public BoundedContext {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        publishes = List.copyOf(publishes);
        subscribes = List.copyOf(subscribes);
    }

    /** The Maven module that holds this context's service, by the layout's convention. */
    public String serviceModule() {
        return name + "-service";
    }

    /** {@code catalog's}, {@code orders'}: how messages speak of what a context has. */
    public static String possessive(String contextName) {
        return contextName + (contextName.endsWith("s") ? "'" : "'s");
    }

    BoundedContext publishing(String event) {
        return publishes.contains(event) ? this : new BoundedContext(name, description, append(publishes, event), subscribes);
    }

    BoundedContext subscribingTo(String event) {
        return subscribes.contains(event) ? this : new BoundedContext(name, description, publishes, append(subscribes, event));
    }

    static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
