package org.acme.infrastructure.commands;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
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

    /**
     * What an id that travels in every event may look like. It ends up in AMQP properties (at most 255
     * bytes) and in logs, so it is bounded here, where it enters, rather than discovered by a relay.
     */
    public static final Pattern TRAVELLING_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public CommandMetadata {
        Objects.requireNonNull(commandId, "commandId");
        requireTravelling("correlationId", correlationId);
        requireTravelling("causationId", causationId);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    private static void requireTravelling(String name, String id) {
        Objects.requireNonNull(id, name);
        if (!TRAVELLING_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 100 letters, digits or . _ : -, was "
                    + (id.length() > 40 ? id.substring(0, 40) + "... (" + id.length() + " characters)" : id));
        }
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
