package org.acme.infrastructure.subscriptions;

/** What became of one delivered message. */
record Dispatch(Outcome outcome, String reason) {

    enum Outcome {
        /** Applied by every subscriber, now committed. */
        APPLIED,
        /** Already applied before: the inbox skipped it. */
        DUPLICATE,
        /** Can never be applied (unreadable, unknown type or version): dead-letter it now. */
        UNPROCESSABLE,
        /** Failed for a reason that passes by itself (database away, a lost race): retry in place, as long as it takes. */
        TRANSIENT,
        /** Failed for a reason not known to pass (a bug, a state it cannot handle): retry a few times, then dead-letter. */
        FAILED
    }

    static Dispatch applied() {
        return new Dispatch(Outcome.APPLIED, null);
    }

    static Dispatch duplicate() {
        return new Dispatch(Outcome.DUPLICATE, null);
    }

    static Dispatch unprocessable(String reason) {
        return new Dispatch(Outcome.UNPROCESSABLE, reason);
    }

    static Dispatch transientFailure(String reason) {
        return new Dispatch(Outcome.TRANSIENT, reason);
    }

    static Dispatch failed(String reason) {
        return new Dispatch(Outcome.FAILED, reason);
    }
}
