package org.acme.infrastructure.subscriptions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs work one piece at a time per key, in the order it was submitted, and work of different keys
 * side by side. A subscription keys each message by the aggregate it is about: the events of one
 * aggregate are applied in the order they were published, and a slow or retried message holds up
 * only the messages of its own aggregate. It bounds nothing itself: the broker's prefetch does.
 */
final class InOrderPerKey {

    private static final CompletableFuture<Void> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

    /** For each key with work pending, when its latest piece of work is done. */
    private final ConcurrentHashMap<Object, CompletableFuture<Void>> latest = new ConcurrentHashMap<>();

    /**
     * Starts the work once everything submitted before under the same key is done (at once when
     * nothing is), and answers when it is done. The work's own failure ends it like success: the
     * next piece under its key starts either way.
     */
    CompletableFuture<Void> submit(Object key, Supplier<? extends CompletionStage<?>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> before = latest.put(key, done);
        (before == null ? NOTHING_BEFORE : before).whenComplete((ignored, alsoIgnored) -> run(work).whenComplete((result, failure) -> {
            latest.remove(key, done);
            done.complete(null);
        }));
        return done;
    }

    /** Keys with work submitted and not yet done. */
    int keysPending() {
        return latest.size();
    }

    private static CompletionStage<?> run(Supplier<? extends CompletionStage<?>> work) {
        try {
            return work.get();
        } catch (RuntimeException unexpected) {
            return CompletableFuture.failedFuture(unexpected);
        }
    }
}
