package org.acme.infrastructure.subscriptions;

/**
 * What became of one delivered message.
 *
 * @param tries how many times it was tried, for a dead letter's record
 */
record Dispatch(Outcome outcome, String reason, int tries) {

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
        return new Dispatch(Outcome.APPLIED, null, 1);
    }

    static Dispatch duplicate() {
        return new Dispatch(Outcome.DUPLICATE, null, 1);
    }

    static Dispatch unprocessable(String reason) {
        return new Dispatch(Outcome.UNPROCESSABLE, reason, 1);
    }

    static Dispatch transientFailure(String reason) {
        return new Dispatch(Outcome.TRANSIENT, reason, 1);
    }

    static Dispatch failed(String reason) {
        return new Dispatch(Outcome.FAILED, reason, 1);
    }

    /** The same outcome, after that many tries. */
    Dispatch afterTries(int count) {
        return new Dispatch(outcome, reason, count);
    }
}
