package org.acme.infrastructure.eventstore;

import java.util.UUID;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/** A domain event as appended: with the version it got in its stream. */
public record StoredEvent<E extends DomainEvent>(UUID streamId, long version, E event) {
}
