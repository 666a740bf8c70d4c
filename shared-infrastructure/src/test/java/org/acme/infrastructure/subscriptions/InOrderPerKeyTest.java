package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InOrderPerKeyTest {

    private final InOrderPerKey inOrder = new InOrderPerKey();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Test
    void workUnderOneKey_startsOnlyOnceTheWorkBeforeItIsDone() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        inOrder.submit("order-1", () -> start("first", first));
        CompletableFuture<Void> second = inOrder.submit("order-1", () -> start("second", CompletableFuture.completedFuture(null)));

        assertThat(started).containsExactly("first");
        first.complete(null);
        assertThat(started).containsExactly("first", "second");
        assertThat(second).isDone();
        assertThat(inOrder.keysPending()).isZero();
    }

    @Test
    void workUnderAnotherKey_doesNotWait() {
        inOrder.submit("order-1", () -> start("held", new CompletableFuture<>()));
        CompletableFuture<Void> other = inOrder.submit("order-2", () -> start("other", CompletableFuture.completedFuture(null)));

        assertThat(started).containsExactly("held", "other");
        assertThat(other).isDone();
        assertThat(inOrder.keysPending()).isEqualTo(1);
    }

    @Test
    void workThatFailsOrThrows_stillLetsTheNextOneStart() {
        inOrder.submit("order-1", () -> start("fails", CompletableFuture.failedFuture(new IllegalStateException("boom"))));
        inOrder.submit("order-1", () -> {
            throw new IllegalStateException("thrown before any future");
        });
        CompletableFuture<Void> last = inOrder.submit("order-1", () -> start("last", CompletableFuture.completedFuture(null)));

        assertThat(started).containsExactly("fails", "last");
        assertThat(last).isDone();
        assertThat(inOrder.keysPending()).isZero();
    }

    private CompletableFuture<Void> start(String name, CompletableFuture<Void> work) {
        started.add(name);
        return work;
    }
}
