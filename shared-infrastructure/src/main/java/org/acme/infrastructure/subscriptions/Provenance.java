package org.acme.infrastructure.subscriptions;

import java.util.Objects;
import java.util.Optional;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeMetadata;

/**
 * Checks where an event comes from before it is applied, on what the broker vouches for, never on
 * what a sender says of itself (decision 0015): its type belongs to one publisher, whose broker user
 * must be the message's validated user-id, and whose exchange it must have come through. Through the
 * service's own redrive exchange only its own user can publish: a dead letter it moved back, accepted
 * if it had first come the publisher's way, as recorded when it was dead-lettered. The metadata a subscriber carries on into
 * its own events must also be what this system can carry. An event that fails is dead-lettered:
 * applying it could let anyone with a broker account write another context's facts, or poison the
 * subscriber's own outbox with what its relay cannot publish.
 */
final class Provenance {

    private Provenance() {
    }

    /**
     * What is wrong with the event's origin, or nothing.
     *
     * @param publisher       the context that publishes the event's type
     * @param users           the broker users of this service and of the publisher
     * @param redriveExchange this service's way back into its queue for a dead letter
     */
    static Optional<String> problems(Envelope envelope, String publisher, Arrival arrival, BrokerUsers users,
                                     String redriveExchange) {
        String exchange = Topology.exchangeOf(publisher);
        String publisherUser = users.of(publisher);
        if (redriveExchange.equals(arrival.exchange())) {
            if (!users.own().equals(arrival.userId())) {
                return Optional.of("a dead letter moved back through " + redriveExchange + " must come from " + users.own()
                        + ", but this one's user-id is " + described(arrival.userId()));
            }
            if (!exchange.equals(arrival.originalExchange()) || !publisherUser.equals(arrival.originalUserId())) {
                return Optional.of(envelope.type() + " must first have come through " + exchange + " from " + publisherUser
                        + ", but this dead letter first came through " + described(arrival.originalExchange()) + " from "
                        + described(arrival.originalUserId()));
            }
        } else {
            if (!exchange.equals(arrival.exchange())) {
                return Optional.of(envelope.type() + " is published by " + publisher + " on " + exchange
                        + ", but this one arrived through " + (arrival.exchange().isEmpty()
                        ? "the default exchange (put into the queue directly)" : arrival.exchange()));
            }
            if (!publisherUser.equals(arrival.userId())) {
                return Optional.of(envelope.type() + " must come from the broker user " + publisherUser
                        + " (the validated user-id), but this one's user-id is " + described(arrival.userId()));
            }
        }
        EnvelopeMetadata metadata = envelope.metadata();
        if (!Objects.equals(publisher, metadata.publisher())) {
            return Optional.of(envelope.type() + " is published by " + publisher + ", but this one says it comes from "
                    + metadata.publisher());
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

    private static String described(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }
}
