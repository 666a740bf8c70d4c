package org.acme.infrastructure.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One unpublished outbox row, with what the broker message needs and nothing to parse; {@code traceParent}
 * is the trace of the command that wrote it (null when tracing was off).
 */
record OutboxMessage(long position, UUID messageId, String eventType, String routingKey,
                     String correlationId, String causationId, Instant occurredAt, byte[] body, String traceParent) {

    /** AMQP short strings (routing key, type, correlation id property) hold at most 255 bytes. */
    private static final int SHORT_STRING = 255;

    /** Why this row can never be published, or null when it can. */
    String whyAmqpCannotCarryIt() {
        for (String[] field : new String[][] {{"routing key", routingKey}, {"event type", eventType},
                {"correlation id", correlationId}}) {
            if (field[1] != null && field[1].getBytes(StandardCharsets.UTF_8).length > SHORT_STRING) {
                return "its " + field[0] + " is longer than AMQP's " + SHORT_STRING + " bytes";
            }
        }
        return null;
    }
}
