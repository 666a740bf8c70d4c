package org.acme.infrastructure.eventsourcing;

import java.util.ArrayList;
import java.util.List;

/**
 * An event-sourced aggregate: its state is the left fold of its events. Behaviour methods check
 * the rules and {@link #raise} new events; {@link #apply} only changes state, so that replaying
 * history and deciding share one code path.
 *
 * @param <E> the closed family of this aggregate's domain events
 */
public abstract class Aggregate<E extends DomainEvent> {

    private long version;
    private int replayed;
    private final List<E> changes = new ArrayList<>();

    /** Changes state for one event; must not check rules nor fail for a stored event. */
    protected abstract void apply(E event);

    protected final void raise(E event) {
        apply(event);
        changes.add(event);
    }

    /** Rebuilds state from stored history; the version becomes the number of events replayed. */
    protected final void replay(List<? extends E> history) {
        replay(0, history);
    }

    /**
     * Rebuilds state from the events after a snapshot, once the subclass has restored the snapshot's
     * state: the version becomes the snapshot's plus the number of events replayed.
     */
    protected final void replay(long snapshotVersion, List<? extends E> eventsAfterSnapshot) {
        eventsAfterSnapshot.forEach(this::apply);
        version = snapshotVersion + eventsAfterSnapshot.size();
        replayed = eventsAfterSnapshot.size();
    }

    /** The version the aggregate was loaded at: what an append must expect. */
    public final long version() {
        return version;
    }

    /** How many events this state holds beyond the snapshot it was loaded from (all of them without one). */
    public final int eventsSinceSnapshot() {
        return replayed + changes.size();
    }

    /** Events raised since loading, in order, not yet stored. */
    public final List<E> changes() {
        return List.copyOf(changes);
    }
}
