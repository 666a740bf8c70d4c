package org.acme.infrastructure.deadletters;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One dead letter as the store keeps it: what it is about and why it failed, for an operator to
 * decide, and what it needs to be sent again.
 *
 * @param tries         how many times the subscription tried it (or the broker delivered it) before
 * @param userId        the user-id it arrived in the DLQ with, as the broker validated it
 * @param state         waiting, redriven or discarded
 */
public record DeadLetter(UUID id, String messageId, String eventType, String aggregateType, String aggregateId,
                         String correlationId, String reason, Instant deadLetteredAt, int tries, String routingKey,
                         String userId, Map<String, Object> headers, byte[] body, String state, Instant settledAt,
                         String settledBy, String discardReason) {

    public static final String WAITING = "waiting";
    public static final String REDRIVEN = "redriven";
    public static final String DISCARDED = "discarded";

    public boolean waiting() {
        return WAITING.equals(state);
    }
}
