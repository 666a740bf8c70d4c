package org.acme.infrastructure.outbox;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row, with what the broker message needs and nothing to parse. */
record OutboxMessage(long position, UUID messageId, String eventType, String routingKey,
                     String correlationId, String causationId, Instant occurredAt, byte[] body) {
}
