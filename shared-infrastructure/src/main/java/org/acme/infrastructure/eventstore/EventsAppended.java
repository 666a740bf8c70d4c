package org.acme.infrastructure.eventstore;

import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously inside the appending transaction, so an inline projection observing it is
 * updated atomically with the events: a read model never shows a state the store does not have.
 */
public record EventsAppended(String streamType, UUID streamId, List<StoredEvent<?>> events) {

    public EventsAppended {
        events = List.copyOf(events);
    }
}
