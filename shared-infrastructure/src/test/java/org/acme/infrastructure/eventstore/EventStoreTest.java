package org.acme.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.testing.Reactive;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreTest {

    @Inject
    EventStore eventStore;

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
    void anIfMatchOfAnotherVersion_isStale() {
        UUID stream = UUID.randomUUID();
        append(stream, 0, List.of(new CounterEvent.Incremented(1)));
        EventStream<CounterEvent> read = read(stream);

        StaleVersion.check(stream, 1L, read.version());
        StaleVersion.check(stream, null, read.version());
        assertThatThrownBy(() -> StaleVersion.check(stream, 4L, read.version())).isInstanceOf(StaleVersion.class)
                .hasMessageContaining("current version is 1");
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
