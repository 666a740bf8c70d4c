package org.acme.infrastructure.eventstore;

import org.acme.infrastructure.eventsourcing.DomainEvent;

/** A minimal event family for the event store's own tests. */
sealed interface CounterEvent extends DomainEvent permits CounterEvent.Incremented, CounterEvent.Reset {

    record Incremented(int by) implements CounterEvent {
    }

    record Reset(String why) implements CounterEvent {
    }
}
