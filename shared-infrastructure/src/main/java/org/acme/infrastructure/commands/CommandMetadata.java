package org.acme.infrastructure.commands;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a command comes from and when it is handled. It is stored with the domain events and
 * copied into every integration event's metadata, so a request can be followed across contexts.
 *
 * @param commandId     unique per command; the causation of the events it produces
 * @param correlationId shared by everything one original request caused
 * @param causationId   the message that caused this command (the command itself for HTTP)
 * @param actor         who asked, as far as this service knows
 * @param at            when it is handled; decisions take time from here, never from a clock
 */
public record CommandMetadata(UUID commandId, String correlationId, String causationId, String actor, Instant at) {

    public CommandMetadata {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /** A command received over HTTP: it is its own cause. */
    public static CommandMetadata ofRequest(String correlationId, String actor, Instant at) {
        UUID commandId = UUID.randomUUID();
        return new CommandMetadata(commandId, correlationId, commandId.toString(), actor, at);
    }

    /** A command a subscriber issues in reaction to an integration event. */
    public static CommandMetadata causedBy(UUID eventId, String correlationId, String subscriber, Instant at) {
        String correlation = correlationId == null ? eventId.toString() : correlationId;
        return new CommandMetadata(UUID.randomUUID(), correlation, eventId.toString(), subscriber, at);
    }
}
