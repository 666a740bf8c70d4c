package org.acme.infrastructure.subscriptions;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs work on items in batches, a few batches at a time (one per lane): an item submitted while
 * every lane runs a batch waits, and the next lane free takes every item waiting (up to a limit), in
 * the order they were submitted. Under light load a batch is one item and waits for nothing; under
 * heavy load the batches grow by themselves, with no timer to tune. A batch still running after its
 * patience frees its lane, and runs on beside the next: a slow batch delays the others by that much
 * at most.
 *
 * <p>The patience is a timer on a scheduler the caller gives, cancelled when the batch ends. Not
 * {@code CompletableFuture.delayedExecutor}: without an executor of its own it hands each expiry to
 * the common pool, which on a machine of one or two cores is a new thread per task — a thread
 * started for every batch, a second after it, whether or not it had long ended.
 */
final class BatchLanes<T, R> {

    private record Waiting<T, R>(T item, CompletableFuture<R> result) {
    }

    private final Function<List<T>, CompletionStage<List<R>>> work;
    private final int limit;
    private final int lanes;
    private final Duration patience;
    private final ScheduledExecutorService timers;
    private final ArrayDeque<Waiting<T, R>> waiting = new ArrayDeque<>();
    private int busyLanes;

    /**
     * @param work answers one result per item, in the items' order
     * @param limit the most items in one batch
     * @param lanes the most batches run at once
     * @param patience how long a batch keeps its lane at most
     * @param timers where a batch's patience runs out: it starts the next batch there
     */
    BatchLanes(Function<List<T>, CompletionStage<List<R>>> work, int limit, int lanes, Duration patience,
               ScheduledExecutorService timers) {
        if (limit < 1 || lanes < 1) {
            throw new IllegalArgumentException("a batch holds at least one item, and at least one lane runs batches");
        }
        this.work = work;
        this.limit = limit;
        this.lanes = lanes;
        this.patience = patience;
        this.timers = timers;
    }

    /** Answers the item's result once its batch is done; a batch that fails fails each of its items. */
    CompletableFuture<R> submit(T item) {
        Waiting<T, R> entry = new Waiting<>(item, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(entry);
            if (busyLanes == lanes) {
                return entry.result();
            }
            busyLanes++;
        }
        runNext();
        return entry.result();
    }

    /** Runs the next batch in a lane, or frees the lane when nothing waits. */
    private void runNext() {
        List<Waiting<T, R>> batch = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && batch.size() < limit) {
                batch.add(waiting.poll());
            }
            if (batch.isEmpty()) {
                busyLanes--;
                return;
            }
        }
        AtomicBoolean nextStarted = new AtomicBoolean();
        Runnable startNext = () -> {
            if (nextStarted.compareAndSet(false, true)) {
                runNext();
            }
        };
        ScheduledFuture<?> outOfPatience = timers.schedule(startNext, patience.toMillis(), TimeUnit.MILLISECONDS);
        run(batch.stream().map(Waiting::item).toList()).whenComplete((results, failure) -> {
            outOfPatience.cancel(false);
            for (int i = 0; i < batch.size(); i++) {
                if (failure == null && results != null && results.size() == batch.size()) {
                    batch.get(i).result().complete(results.get(i));
                } else {
                    batch.get(i).result().completeExceptionally(failure != null ? failure
                            : new IllegalStateException("a batch of " + batch.size() + " answered " + results));
                }
            }
            startNext.run();
        });
    }

    private CompletionStage<List<R>> run(List<T> items) {
        try {
            return work.apply(items);
        } catch (RuntimeException unexpected) {
            return CompletableFuture.failedFuture(unexpected);
        }
    }
}
