package org.acme.infrastructure.session;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one reactive step per item, each after the previous one has completed. A Hibernate Reactive
 * session is single-threaded: the statements of one transaction are chained, never combined.
 */
public final class InSequence {

    private InSequence() {
    }

    public static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
