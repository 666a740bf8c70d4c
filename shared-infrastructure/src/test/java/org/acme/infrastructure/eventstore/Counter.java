package org.acme.infrastructure.eventstore;

import java.util.List;
import org.acme.infrastructure.eventsourcing.Aggregate;

/** A minimal aggregate for the event store's snapshot tests: a running total, snapshotted every 3 events. */
final class Counter extends Aggregate<CounterEvent> {

    /** The counter's state as a snapshot. */
    record CounterSnapshot(int total) {
    }

    static final Snapshots<CounterEvent, CounterSnapshot, Counter> SNAPSHOTS = new Snapshots<>(CounterEvent.class,
            CounterSnapshot.class, Counter::fromHistory, Counter::fromSnapshot, counter -> new CounterSnapshot(counter.total), 3);

    private int total;

    static Counter fromHistory(List<CounterEvent> history) {
        Counter counter = new Counter();
        counter.replay(history);
        return counter;
    }

    static Counter fromSnapshot(CounterSnapshot snapshot, long version, List<CounterEvent> eventsAfter) {
        Counter counter = new Counter();
        counter.total = snapshot.total();
        counter.replay(version, eventsAfter);
        return counter;
    }

    void increment(int by) {
        raise(new CounterEvent.Incremented(by));
    }

    int total() {
        return total;
    }

    @Override
    protected void apply(CounterEvent event) {
        if (event instanceof CounterEvent.Incremented incremented) {
            total += incremented.by();
        } else if (event instanceof CounterEvent.Reset) {
            total = 0;
        }
    }
}
