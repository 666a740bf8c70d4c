package org.acme.infrastructure.eventstore;

import java.util.List;
import java.util.function.Function;
import org.acme.infrastructure.eventsourcing.Aggregate;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/**
 * How one kind of aggregate is snapshotted, for streams that grow long (a best-seller's stock item
 * takes an event per order): its snapshot record, how to take one and restore from one, and how many
 * events may pile up after the latest snapshot before the next append writes a new one. Loading then
 * costs one snapshot and at most {@code every} events, whatever the length of the history.
 *
 * <p>The snapshot is stored under its record's simple name: change the record's shape under a new
 * name, and the old snapshots are ignored (the stream is replayed from its start, once, and
 * snapshotted again).
 *
 * <p>One snapshot may be restored more than once (a stream loaded for change twice in a transaction):
 * {@code fromSnapshot} must not hand the snapshot's own mutable parts to the aggregate it builds.
 *
 * @param family       the aggregate's event family
 * @param type         the snapshot record
 * @param fromHistory  rebuilds the aggregate from its whole history (no snapshot yet)
 * @param fromSnapshot rebuilds it from a snapshot, its version, and the events after it
 * @param take         the aggregate's state as a snapshot
 * @param every        events after the latest snapshot that make the next append take one
 */
public record Snapshots<E extends DomainEvent, S, A extends Aggregate<E>>(Class<E> family, Class<S> type,
                                                                         Function<List<E>, A> fromHistory,
                                                                         Restore<E, S, A> fromSnapshot, Function<A, S> take,
                                                                         int every) {

    /** Rebuilds an aggregate from a snapshot taken at {@code version} and the events after it. */
    @FunctionalInterface
    public interface Restore<E extends DomainEvent, S, A extends Aggregate<E>> {

        A restore(S snapshot, long version, List<E> eventsAfter);
    }

    public Snapshots {
        if (every < 1) {
            throw new IllegalArgumentException("a snapshot is taken every 1 or more events, not " + every);
        }
    }

    String name() {
        return type.getSimpleName();
    }

    boolean due(A aggregate) {
        return aggregate.eventsSinceSnapshot() >= every;
    }
}
