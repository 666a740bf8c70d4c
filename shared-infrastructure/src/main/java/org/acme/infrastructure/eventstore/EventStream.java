package org.acme.infrastructure.eventstore;

import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/** The stored history of one aggregate; version 0 and no events when it does not exist yet. */
public record EventStream<E extends DomainEvent>(UUID streamId, long version, List<E> events) {

    public EventStream {
        events = List.copyOf(events);
    }

    public boolean exists() {
        return version > 0;
    }
}
