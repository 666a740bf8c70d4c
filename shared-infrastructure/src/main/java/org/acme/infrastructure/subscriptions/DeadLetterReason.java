package org.acme.infrastructure.subscriptions;

/** Why a message goes to the DLQ: the nack's cause, whose message becomes {@code x-dead-letter-reason}. */
final class DeadLetterReason extends RuntimeException {

    DeadLetterReason(String reason) {
        super(reason, null, false, false);
    }
}
