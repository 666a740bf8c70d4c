package org.acme.infrastructure.commands;

import java.util.Optional;

/** An aggregate's decision run as a value: the refusal it raised, if it refused. */
public final class Decision {

    private Decision() {
    }

    /** Runs the decision; answers its refusal instead of throwing it, so the caller can record it. */
    public static Optional<CommandRejected> attempt(Runnable decision) {
        try {
            decision.run();
            return Optional.empty();
        } catch (CommandRejected refusal) {
            return Optional.of(refusal);
        }
    }
}
