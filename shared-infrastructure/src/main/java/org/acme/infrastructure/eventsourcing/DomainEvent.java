package org.acme.infrastructure.eventsourcing;

/**
 * A fact inside one bounded context, stored in its event store: rich, internal, free to change.
 * Named in the past tense with the suffix {@code Event}. Never published as it is: a slice
 * translates it into the minimal integration event other contexts may rely on.
 */
public interface DomainEvent {
}
