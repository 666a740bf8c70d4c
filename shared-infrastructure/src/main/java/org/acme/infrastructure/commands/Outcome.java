package org.acme.infrastructure.commands;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a command came to: accepted with its result, or refused by a business rule. Both end in a
 * commit (a refusal commits its {@code <Command>Rejected} event), so a refusal is a value here, not
 * an exception that would roll the transaction back. The HTTP answer is decided after the commit.
 */
public sealed interface Outcome<T> {

    record Accepted<T>(T result) implements Outcome<T> {
    }

    record Refused<T>(CommandRejected refusal) implements Outcome<T> {

        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    static <T> Outcome<T> accepted(T result) {
        return new Accepted<>(result);
    }

    static <T> Outcome<T> refused(CommandRejected refusal) {
        return new Refused<>(refusal);
    }

    /** The result, or the refusal thrown, to become a 409 or 422 problem. */
    default T orThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.result();
        }
        throw ((Refused<T>) this).refusal();
    }

    default <U> Outcome<U> map(Function<T, U> mapping) {
        if (this instanceof Accepted<T> accepted) {
            return accepted(mapping.apply(accepted.result()));
        }
        return refused(((Refused<T>) this).refusal());
    }
}
