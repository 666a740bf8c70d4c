package org.acme.infrastructure.subscriptions;

/**
 * Why a message goes to the DLQ: the nack's cause, whose message becomes {@code x-dead-letter-reason},
 * and how many times it was tried ({@code x-tries}).
 */
final class DeadLetterReason extends RuntimeException {

    private final int tries;

    DeadLetterReason(String reason, int tries) {
        super(reason, null, false, false);
        this.tries = tries;
    }

    int tries() {
        return tries;
    }
}
