package org.acme.infrastructure.subscriptions;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;

/**
 * Reacts to one integration event of another context, named {@code When<Event>Then<Reaction>}.
 *
 * <p>{@link #handle} runs inside the transaction that records the event in the inbox (the same
 * reactive session), so it runs at most once per event with a committed effect. It is called only
 * for a version listed in {@link #versions()}; any other version is dead-lettered before anything is
 * applied.
 */
public interface Subscriber {

    /**
     * The name the inbox keeps this subscriber's applied events under. It must never change (a new
     * name would apply every redelivered or replayed event again), so it is a literal, not the class
     * name: renaming or moving the class keeps it.
     */
    String name();

    /** The contract subscribed to; its package ({@code org.acme.integrationevents.<publisher>}) names the publisher. */
    Class<? extends IntegrationEvent> contract();

    /** The schema versions this subscriber reads, each handled explicitly. */
    Set<Integer> versions();

    /**
     * Applies the event to this context's model, on the session of the inbox's transaction: chain
     * every statement, never run two at once.
     *
     * @throws MalformedEnvelope when the payload cannot be read as the version it claims: dead-lettered, not retried
     */
    Uni<Void> handle(Envelope envelope) throws MalformedEnvelope;
}
