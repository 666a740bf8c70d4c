package org.acme.infrastructure.eventstore;

import java.util.ArrayList;
import java.util.List;
import org.acme.infrastructure.eventsourcing.Aggregate;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/**
 * Folds the events after a stream's latest snapshot into its aggregate a page at a time, so that a
 * long history (a stream written before it had snapshots) never sits in memory whole: at most two
 * pages do. Between pages the state is kept as an in-memory snapshot. The last page is kept with the
 * one before it, so the aggregate counts at least a page of events since its stored snapshot, and
 * its next save writes a new one: the history is replayed once. A stream locked for change keeps its
 * replay for the rest of the transaction ({@link LockedStreams}), told of each append.
 */
final class Replay<E extends DomainEvent, S, A extends Aggregate<E>> {

    private final Snapshots<E, S, A> snapshots;
    private S checkpoint;
    private long checkpointVersion;
    private List<E> pending = new ArrayList<>();
    private long lastVersion;

    /** From a stored snapshot taken at {@code version}, or from the stream's start ({@code null}, 0). */
    Replay(Snapshots<E, S, A> snapshots, S snapshot, long version) {
        this.snapshots = snapshots;
        this.checkpoint = snapshot;
        this.checkpointVersion = version;
        this.lastVersion = version;
    }

    Snapshots<E, S, A> snapshots() {
        return snapshots;
    }

    /** The version of the last event added, where the next page starts after. */
    long lastVersion() {
        return lastVersion;
    }

    /** Adds the next page, {@code more} when another may follow it (this one was full). */
    void add(List<E> page, long lastVersionOfPage, boolean more) {
        if (more && pending.size() >= snapshots.every()) {
            A folded = aggregate();
            checkpoint = snapshots.take().apply(folded);
            checkpointVersion = folded.version();
            pending = new ArrayList<>();
        }
        pending.addAll(page);
        if (!page.isEmpty()) {
            lastVersion = lastVersionOfPage;
        }
    }

    /**
     * The stream's events {@code appended} up to {@code version}, with the snapshot stored with them
     * ({@code null} when none was): the state a load would now read, without reading it.
     */
    void appended(List<E> events, long version, S storedSnapshot) {
        if (storedSnapshot != null) {
            checkpoint = storedSnapshot;
            checkpointVersion = version;
            pending = new ArrayList<>();
        } else {
            pending.addAll(events);
        }
        lastVersion = version;
    }

    /** The aggregate, from the latest checkpoint and the events after it. */
    A aggregate() {
        return checkpoint == null
                ? snapshots.fromHistory().apply(pending)
                : snapshots.fromSnapshot().restore(checkpoint, checkpointVersion, pending);
    }
}
