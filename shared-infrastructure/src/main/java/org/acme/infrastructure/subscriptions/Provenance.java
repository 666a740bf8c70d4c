package org.acme.infrastructure.subscriptions;

import java.util.Optional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeMetadata;

/**
 * Checks where an event comes from before it is applied: its type belongs to one publisher, which
 * must be the one the metadata names and the one whose exchange it came through; and the metadata
 * a subscriber carries on into its own events must be what this system can carry. An event that
 * fails is dead-lettered: applying it could let one context write another's facts, or poison the
 * subscriber's own outbox with what its relay cannot publish.
 */
final class Provenance {

    private Provenance() {
    }

    /**
     * What is wrong with the event's origin, or nothing.
     *
     * @param publisher      the context that publishes the event's type
     * @param arrivedThrough the exchange the message came through (for a redriven dead letter, the
     *                       exchange it first came through)
     */
    static Optional<String> problems(Envelope envelope, String publisher, String arrivedThrough) {
        EnvelopeMetadata metadata = envelope.metadata();
        if (!publisher.equals(metadata.publisher())) {
            return Optional.of(envelope.type() + " is published by " + publisher + ", but this one says it comes from "
                    + metadata.publisher());
        }
        if (!Topology.exchangeOf(publisher).equals(arrivedThrough)) {
            return Optional.of(envelope.type() + " is published by " + publisher + " on " + Topology.exchangeOf(publisher)
                    + ", but this one arrived through " + (arrivedThrough == null || arrivedThrough.isEmpty()
                    ? "no exchange" : arrivedThrough));
        }
        if (metadata.correlationId() != null && !CommandMetadata.TRAVELLING_ID.matcher(metadata.correlationId()).matches()) {
            return Optional.of("metadata.correlationId is not 1 to 100 letters, digits or . _ : - (it has "
                    + metadata.correlationId().length() + " characters): it cannot travel on in this context's events");
        }
        if (metadata.aggregateVersion() != null && metadata.aggregateVersion() < 0) {
            return Optional.of("metadata.aggregateVersion is negative: " + metadata.aggregateVersion());
        }
        return Optional.empty();
    }
}
