package org.acme.contracts.manifest;

import java.util.List;
import java.util.Objects;

/** One integration event in the manifest: who publishes it, who listens, its current version. */
public record EventEntry(String name, String publisher, List<String> subscribers, int version, String description) {

    public EventEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publisher, "publisher");
        subscribers = List.copyOf(subscribers);
        description = description == null ? "" : description;
    }

    EventEntry withSubscriber(String context) {
        return subscribers.contains(context) ? this
                : new EventEntry(name, publisher, BoundedContext.append(subscribers, context), version, description);
    }

    /** {@code ProductAdded v2 (catalog → orders, inventory)}: how {@code list} shows it. */
    public String summary() {
        String to = subscribers.isEmpty() ? "no subscriber yet" : String.join(", ", subscribers);
        return name + " v" + version + " (" + publisher + " → " + to + ")";
    }
}
