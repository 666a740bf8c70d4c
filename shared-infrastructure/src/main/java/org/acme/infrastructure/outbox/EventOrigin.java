package org.acme.infrastructure.outbox;

import org.acme.infrastructure.commands.CommandMetadata;

/**
 * What an integration event is about and what caused it: the aggregate (with the version the event
 * gave it) and the command, carried into the envelope's metadata.
 *
 * @param expectedVersion the version the command required the aggregate to be at (its {@code If-Match}),
 *                        or null when it required none
 * @param currentVersion  for a rejected command, the version the aggregate stayed at
 */
public record EventOrigin(String aggregateType, Object aggregateId, Long aggregateVersion,
                          String commandType, CommandMetadata command, Long expectedVersion, Long currentVersion) {

    public static EventOrigin of(String aggregateType, Object aggregateId, long aggregateVersion,
                                 String commandType, CommandMetadata command) {
        return new EventOrigin(aggregateType, aggregateId, aggregateVersion, commandType, command, null, null);
    }

    /** An event about something that has no stream of its own here (a reservation for an order, say). */
    public static EventOrigin unversioned(String aggregateType, Object aggregateId, String commandType, CommandMetadata command) {
        return new EventOrigin(aggregateType, aggregateId, null, commandType, command, null, null);
    }

    /** A rejected command: the aggregate stays at its current version. */
    public static EventOrigin rejected(String aggregateType, Object aggregateId, long currentVersion,
                                       String commandType, CommandMetadata command) {
        return new EventOrigin(aggregateType, aggregateId, currentVersion, commandType, command, null, currentVersion);
    }

    /** The same origin, for a command that required the aggregate to be at {@code version} (null: none). */
    public EventOrigin expecting(Long version) {
        return new EventOrigin(aggregateType, aggregateId, aggregateVersion, commandType, command, version, currentVersion);
    }
}
