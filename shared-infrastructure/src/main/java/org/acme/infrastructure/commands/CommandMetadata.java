package org.acme.infrastructure.commands;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.acme.integrationevents.Envelope;

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

    /**
     * A command a subscriber issues in reaction to an integration event: it keeps the event's
     * correlation and names the event as its cause.
     */
    public static CommandMetadata causedBy(Envelope event, String subscriber, Clock clock) {
        String correlation = event.metadata().correlationId() == null ? event.id().toString() : event.metadata().correlationId();
        return new CommandMetadata(UUID.randomUUID(), correlation, event.id().toString(), subscriber, clock.instant());
    }
}
