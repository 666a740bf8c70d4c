package org.acme.infrastructure.eventstore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.eventsourcing.Aggregate;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/**
 * The streams the current transaction has locked for change, each as this transaction left it. No
 * other transaction can append to a locked stream before this one ends, so what it read and what it
 * appended since is the stream: loading it again in the same transaction (a batch reserving one
 * best-seller for several orders, decision 0019) restores it from memory, with no lock to take again
 * and nothing to read. The append still checks the version it expects, in its one statement.
 *
 * <p>Kept in the Vert.x context that holds the transaction's session, for that transaction only: a
 * rolled-back transaction's replays are never seen by the next one.
 */
final class LockedStreams {

    private static final String KEY = LockedStreams.class.getName();
    /** Outside a transaction nothing is locked, and nothing kept. */
    private static final LockedStreams NONE = new LockedStreams(null);

    private final Object transaction;
    private final Map<UUID, Replay<?, ?, ?>> replays = new HashMap<>();

    private LockedStreams(Object transaction) {
        this.transaction = transaction;
    }

    /** The streams locked by the transaction of the current session. */
    static Uni<LockedStreams> ofThisTransaction() {
        return Panache.getSession().map(session -> {
            Object transaction = session.currentTransaction();
            Context context = Vertx.currentContext();
            if (transaction == null || context == null) {
                return NONE;
            }
            LockedStreams kept = context.getLocal(KEY);
            if (kept == null || kept.transaction != transaction) {
                kept = new LockedStreams(transaction);
                context.putLocal(KEY, kept);
            }
            return kept;
        });
    }

    /** The replay of a stream this transaction locked, as it left it; null when it has not locked it. */
    @SuppressWarnings("unchecked")
    <E extends DomainEvent, S, A extends Aggregate<E>> Replay<E, S, A> replayOf(UUID streamId, Snapshots<E, S, A> snapshots) {
        Replay<?, ?, ?> replay = replays.get(streamId);
        return replay != null && replay.snapshots() == snapshots ? (Replay<E, S, A>) replay : null;
    }

    /** Keeps the replay of a stream just locked and read. */
    void locked(UUID streamId, Replay<?, ?, ?> replay) {
        if (this != NONE) {
            replays.put(streamId, replay);
        }
    }

    /** Tells a locked stream's replay what was appended to it, and the snapshot stored with it if one was. */
    <E extends DomainEvent, S, A extends Aggregate<E>> void appended(UUID streamId, Snapshots<E, S, A> snapshots, List<E> events,
                                                                    long version, S storedSnapshot) {
        Replay<E, S, A> replay = replayOf(streamId, snapshots);
        if (replay == null) {
            return;
        }
        if (replay.lastVersion() == version - events.size()) {
            replay.appended(events, version, storedSnapshot);
        } else {
            // Not appended after the state kept (an aggregate loaded some other way): read it again.
            replays.remove(streamId);
        }
    }
}
