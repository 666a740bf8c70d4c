package org.acme.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.sql.SqlRow;
import org.acme.infrastructure.testing.LiveObjects;
import org.acme.infrastructure.testing.Reactive;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreTest {

    @Inject
    EventStore eventStore;

    @Inject
    Sql sql;

    @Test
    void appendedEvents_areReadBackInOrder_withTheStreamVersion() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(2), new CounterEvent.Incremented(3)));
        append(stream, 2, List.of(new CounterEvent.Reset("audit")));

        EventStream<CounterEvent> read = read(stream);

        assertThat(read.version()).isEqualTo(3);
        assertThat(read.events()).containsExactly(
                new CounterEvent.Incremented(2), new CounterEvent.Incremented(3), new CounterEvent.Reset("audit"));
    }

    @Test
    void anUnknownStream_isEmptyAtVersionZero() {
        EventStream<CounterEvent> read = read(UUID.randomUUID());

        assertThat(read.exists()).isFalse();
        assertThat(read.version()).isZero();
    }

    @Test
    void appendingAtAStaleVersion_isAConcurrencyConflict_andStoresNothing() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(1)));
        append(stream, 1, List.of(new CounterEvent.Incremented(1)));

        assertThatThrownBy(() -> append(stream, 1, List.of(new CounterEvent.Reset("late"))))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> append(stream, 0, List.of(new CounterEvent.Reset("again"))))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(read(stream).version()).isEqualTo(2);
    }

    @Test
    void twoTransactionsAppendingAtTheSameVersion_oneWinsAndTheOtherConflicts() throws Exception {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(1)));
        CountDownLatch firstAppended = new CountDownLatch(1);
        CompletableFuture<Void> commitFirst = new CompletableFuture<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> Reactive.inTransaction(() ->
                eventStore.append("Counter", stream, 1, List.of(new CounterEvent.Incremented(10)), "Increment", command())
                        .invoke(firstAppended::countDown)
                        .chain(() -> Reactive.until(commitFirst))));
        firstAppended.await();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> append(stream, 1, List.of(new CounterEvent.Incremented(20))));
        commitFirst.complete(null);

        first.get();
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConcurrencyConflict.class);
        assertThat(read(stream).events()).last().isEqualTo(new CounterEvent.Incremented(10));
    }

    @Test
    void twoTransactionsLoadingForChange_takeTurns_andNeitherConflicts() throws Exception {
        UUID stream = UUID.randomUUID();
        incrementWithSnapshots(stream, 1);
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CompletableFuture<Void> commitFirst = new CompletableFuture<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> Reactive.inTransaction(() ->
                eventStore.loadForChange(stream, Counter.SNAPSHOTS).invoke(firstLoaded::countDown)
                        .chain(found -> {
                            Counter counter = found.orElseThrow();
                            counter.increment(10);
                            return eventStore.save("Counter", stream, counter, Counter.SNAPSHOTS, "Increment", command());
                        })
                        .chain(() -> Reactive.until(commitFirst))));
        firstLoaded.await();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> Reactive.inTransaction(() ->
                eventStore.loadForChange(stream, Counter.SNAPSHOTS).chain(found -> {
                    Counter counter = found.orElseThrow();
                    counter.increment(100);
                    return eventStore.save("Counter", stream, counter, Counter.SNAPSHOTS, "Increment", command());
                })));
        Thread.sleep(300);
        assertThat(second).as("the second waits for the first to end").isNotDone();
        commitFirst.complete(null);

        first.get();
        second.get();
        Counter counter = loadWithSnapshots(stream);
        assertThat(counter.total()).isEqualTo(111);
        assertThat(counter.version()).isEqualTo(3);
    }

    @Test
    void aStreamLoadedForChangeAgainInOneTransaction_isAsThatTransactionLeftIt_withoutReadingItAgain() {
        UUID stream = UUID.randomUUID();
        incrementWithSnapshots(stream, 1);

        Counter seenLast = Reactive.inTransaction(() -> incrementLocked(stream, 10)
                // Rewritten behind the event store's back: a stream read again would show it.
                .call(() -> sql.update("UPDATE events SET data = CAST('{\"by\": 1000}' AS jsonb) WHERE stream_id = ?", stream))
                .chain(() -> incrementLocked(stream, 100))
                .chain(() -> incrementLocked(stream, 1_000))
                .chain(() -> eventStore.loadForChange(stream, Counter.SNAPSHOTS)).map(found -> found.orElseThrow()));

        assertThat(seenLast.total()).as("restored from memory, not read again").isEqualTo(1_111);
        assertThat(seenLast.version()).isEqualTo(4);
        assertThat(snapshotVersion(stream)).as("snapshotted on schedule, as if loaded each time").isEqualTo(3);
        assertThat(seenLast.eventsSinceSnapshot()).isEqualTo(1);
    }

    @Test
    void aRolledBackTransaction_leavesNothingOfItsStreamsToTheNextOneOnTheSameContext() {
        UUID stream = UUID.randomUUID();
        incrementWithSnapshots(stream, 1);

        Counter next = Reactive.await(() -> Panache.withTransaction(() -> incrementLocked(stream, 10)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))
                .onFailure().recoverWithNull()
                .chain(() -> Panache.withTransaction(() -> eventStore.loadForChange(stream, Counter.SNAPSHOTS)))
                .map(found -> found.orElseThrow()));

        assertThat(next.total()).isEqualTo(1);
        assertThat(next.version()).isEqualTo(1);
    }

    private Uni<List<StoredEvent<CounterEvent>>> incrementLocked(UUID stream, int by) {
        return eventStore.loadForChange(stream, Counter.SNAPSHOTS).chain(found -> {
            Counter counter = found.orElseThrow();
            counter.increment(by);
            return eventStore.save("Counter", stream, counter, Counter.SNAPSHOTS, "Increment", command());
        });
    }

    @Test
    void anIfMatchOfAnotherVersion_isStale() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(1)));
        EventStream<CounterEvent> read = read(stream);

        StaleVersion.check(stream, 1L, read.version());
        StaleVersion.check(stream, null, read.version());
        assertThatThrownBy(() -> StaleVersion.check(stream, 4L, read.version())).isInstanceOf(StaleVersion.class)
                .hasMessageContaining("current version is 1");
    }

    @Test
    void aLongStream_isSnapshottedWithItsAppends_andLoadedFromItsSnapshotAndTheEventsAfter() {
        UUID stream = UUID.randomUUID();
        for (int i = 1; i <= 7; i++) {
            incrementWithSnapshots(stream, i);
        }

        assertThat(snapshotVersion(stream)).isEqualTo(6);
        Counter loaded = loadWithSnapshots(stream);
        assertThat(loaded.version()).isEqualTo(7);
        assertThat(loaded.total()).isEqualTo(28);
        assertThat(loaded.eventsSinceSnapshot()).isEqualTo(1);
    }

    @Test
    void aSnapshot_standsForTheHistoryBeforeIt() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(1), new CounterEvent.Incremented(1), new CounterEvent.Incremented(1)));
        writeSnapshot(stream, "CounterSnapshot", 2, "{\"total\": 1000}");

        Counter loaded = loadWithSnapshots(stream);

        assertThat(loaded.total()).isEqualTo(1001);
        assertThat(loaded.version()).isEqualTo(3);
    }

    @Test
    void aLongHistoryWrittenWithoutSnapshots_isReplayedOnce_thenSnapshottedByTheNextAppend() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(5), new CounterEvent.Incremented(5), new CounterEvent.Incremented(5),
                new CounterEvent.Incremented(5), new CounterEvent.Incremented(5)));

        incrementWithSnapshots(stream, 1);

        assertThat(snapshotVersion(stream)).isEqualTo(6);
        assertThat(loadWithSnapshots(stream).eventsSinceSnapshot()).isZero();
        assertThat(loadWithSnapshots(stream).total()).isEqualTo(26);
    }

    @Test
    void aHistoryLongerThanAPage_isReplayedPageByPage_toTheSameState_andSnapshottedByTheNextAppend() {
        UUID stream = UUID.randomUUID();
        int events = 2 * EventStore.PAGE + EventStore.PAGE / 2 + 3;
        appendIncrements(stream, events);

        Counter paged = loadWithSnapshots(stream);
        Counter whole = Counter.fromHistory(read(stream).events());

        assertThat(paged.version()).isEqualTo(events).isEqualTo(whole.version());
        assertThat(paged.total()).isEqualTo(whole.total());
        assertThat(paged.eventsSinceSnapshot()).as("enough to be snapshotted by the next append")
                .isGreaterThanOrEqualTo(Counter.SNAPSHOTS.every());

        incrementWithSnapshots(stream, 1);

        assertThat(snapshotVersion(stream)).isEqualTo(events + 1);
        assertThat(loadWithSnapshots(stream).total()).isEqualTo(whole.total() + 1);
    }

    @Test
    void aLongHistory_isReplayedHoldingOnePageOfRowsAtATime_notTheWholeHistory() {
        UUID stream = UUID.randomUUID();
        int pages = 8;
        appendIncrements(stream, pages * EventStore.PAGE + 1);
        long[] rowsLiveNearTheEnd = {-1};
        // The replay takes an in-memory snapshot between pages: counted there, near the end of the
        // history, the rows still reachable should be the page being folded, as the reactive client
        // read it and as Sql copied it; with a little of what else the service reads meanwhile.
        Snapshots<CounterEvent, Counter.CounterSnapshot, Counter> probing = new Snapshots<>(CounterEvent.class,
                Counter.CounterSnapshot.class, Counter::fromHistory, Counter::fromSnapshot, counter -> {
                    if (counter.version() >= (pages - 1) * EventStore.PAGE && rowsLiveNearTheEnd[0] < 0) {
                        rowsLiveNearTheEnd[0] = LiveObjects.count(type -> type == SqlRow.class || Row.class.isAssignableFrom(type));
                    }
                    return Counter.SNAPSHOTS.take().apply(counter);
                }, Counter.SNAPSHOTS.every());

        Counter loaded = Reactive.inSession(() -> eventStore.load(stream, probing)).orElseThrow();

        assertThat(loaded.version()).isEqualTo(pages * EventStore.PAGE + 1);
        assertThat(rowsLiveNearTheEnd[0]).as("rows reachable after %d of %d pages", pages - 1, pages)
                .isBetween(1L, 2L * EventStore.PAGE + EventStore.PAGE / 2);
    }

    @Test
    void aSnapshotOfAnotherShape_isIgnored_andTheStreamReplayedFromItsStart() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(2), new CounterEvent.Incremented(3)));
        writeSnapshot(stream, "CounterSnapshotOfLastYear", 1, "{\"count\": \"not a total\"}");

        Counter loaded = loadWithSnapshots(stream);

        assertThat(loaded.total()).isEqualTo(5);
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void anUnknownStream_loadsAsNothing_withSnapshotsToo() {
        assertThat(Reactive.inSession(() -> eventStore.load(UUID.randomUUID(), Counter.SNAPSHOTS))).isEmpty();
    }

    private void incrementWithSnapshots(UUID stream, int by) {
        Reactive.inTransaction(() -> eventStore.load(stream, Counter.SNAPSHOTS).chain(found -> {
            Counter counter = found.orElseGet(() -> Counter.fromHistory(List.of()));
            counter.increment(by);
            return eventStore.save("Counter", stream, counter, Counter.SNAPSHOTS, "Increment", command());
        }));
    }

    private Counter loadWithSnapshots(UUID stream) {
        return Reactive.inSession(() -> eventStore.load(stream, Counter.SNAPSHOTS)).orElseThrow();
    }

    private long snapshotVersion(UUID stream) {
        return Reactive.inSession(() -> sql.query("SELECT version FROM snapshots WHERE stream_id = ?", stream)).get(0).number(0);
    }

    private void writeSnapshot(UUID stream, String type, long version, String data) {
        Reactive.inTransaction(() -> sql.update("INSERT INTO snapshots (stream_id, snapshot_type, version, data, taken_at)"
                + " VALUES (?, ?, ?, CAST(CAST(? AS text) AS jsonb), now())", stream, type, version, data));
    }

    private void appendIncrements(UUID stream, int events) {
        for (int written = 0; written < events; written += 500) {
            List<CounterEvent> chunk = new ArrayList<>();
            for (int i = written; i < Math.min(events, written + 500); i++) {
                chunk.add(new CounterEvent.Incremented(i % 7));
            }
            append(stream, written, chunk);
        }
    }

    private void append(UUID stream, long expectedVersion, List<CounterEvent> events) {
        Reactive.inTransaction(() -> eventStore.append("Counter", stream, expectedVersion, events, "Increment", command()));
    }

    private EventStream<CounterEvent> read(UUID stream) {
        return Reactive.inSession(() -> eventStore.read(stream, CounterEvent.class));
    }

    private static CommandMetadata command() {
        return CommandMetadata.ofRequest("correlation", "test", Instant.now());
    }

}
