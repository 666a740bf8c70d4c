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
    private final List<E> changes = new ArrayList<>();

    /** Changes state for one event; must not check rules nor fail for a stored event. */
    protected abstract void apply(E event);

    protected final void raise(E event) {
        apply(event);
        changes.add(event);
    }

    /** Rebuilds state from stored history; the version becomes the number of events replayed. */
    protected final void replay(List<? extends E> history) {
        history.forEach(this::apply);
        version = history.size();
    }

    /** The version the aggregate was loaded at: what an append must expect. */
    public final long version() {
        return version;
    }

    /** Events raised since loading, in order, not yet stored. */
    public final List<E> changes() {
        return List.copyOf(changes);
    }
}
