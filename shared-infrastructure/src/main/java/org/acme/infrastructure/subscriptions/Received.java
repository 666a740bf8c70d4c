package org.acme.infrastructure.subscriptions;

import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.MalformedEnvelope;

/**
 * A message's body, read as an envelope once, or why it cannot be read.
 *
 * @param envelope   the envelope, when the body is one
 * @param unreadable why it is not, otherwise
 */
record Received(Envelope envelope, String unreadable) {

    static Received from(byte[] body) {
        try {
            return new Received(EnvelopeCodec.decode(body), null);
        } catch (MalformedEnvelope e) {
            return new Received(null, "malformed envelope: " + e.getMessage());
        }
    }

    /**
     * What the message must be applied in order with: the aggregate it is about, as its publisher
     * names it. Publishers promise order per aggregate, and nothing across aggregates. An unreadable
     * message is about nothing known: it waits for nothing.
     */
    Object orderKey() {
        if (envelope == null) {
            return new Object();
        }
        return envelope.metadata().publisher() + "/" + envelope.metadata().aggregateType() + "/" + envelope.metadata().aggregateId();
    }

    /** The envelope's id, or null when unreadable. */
    String messageId() {
        return envelope == null ? null : envelope.id().toString();
    }

    /** The event's type, or "unreadable": what the metrics count it under. */
    String type() {
        return envelope == null ? "unreadable" : envelope.type();
    }

    /** For the log: the event's type and id, or that it could not be read. */
    String describe() {
        return envelope == null ? "an unreadable message" : envelope.type() + " " + envelope.id();
    }
}
