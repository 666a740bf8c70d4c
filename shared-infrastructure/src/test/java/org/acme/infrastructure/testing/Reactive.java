package org.acme.infrastructure.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs reactive code from a test thread and waits for it, the way a request or a message would run
 * it: on a Vert.x duplicated context, in a transaction (or a session) of its own.
 */
public final class Reactive {

    private Reactive() {
    }

    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    public static <T> T inSession(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    /**
     * Waits, inside a transaction, for something the test completes from its own thread, then
     * carries on on the transaction's Vert.x context (a session must not be used from another thread).
     */
    public static Uni<Void> until(CompletionStage<?> signal) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return Uni.createFrom().completionStage(signal)
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .replaceWithVoid();
        });
    }

    /** On a Vert.x duplicated context, outside any session: what needs none (the reactive pool). */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
