package org.acme.integrationevents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape every integration event has on the wire, for accepted facts and rejected commands
 * alike. The payload stays JSON here so that a consumer can read the version before it decides
 * how to read the payload.
 *
 * @param id        unique per event: the broker's {@code message_id} and the inbox key
 * @param type      the contract's wire name, e.g. {@code ProductAdded}
 * @param kind      always {@value #KIND}
 * @param timestamp when the event happened, ISO-8601 in UTC with milliseconds
 */
public record Envelope(UUID id, String type, String kind, Instant timestamp, JsonNode payload, EnvelopeMetadata metadata) {

    public static final String KIND = "integration";

    public Envelope {
        Objects.requireNonNull(id, "id");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind must be '" + KIND + "', was '" + kind + "'");
        }
        timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Wraps an event in an envelope; its type, schema version and outcome come from its contract. */
    public static Envelope wrap(UUID id, Instant timestamp, IntegrationEvent event, EnvelopeMetadata.Builder metadata) {
        Contract contract = Contracts.of(event);
        return new Envelope(id, contract.type(), KIND, timestamp, EnvelopeCodec.toTree(event), metadata.build(contract));
    }

    public int schemaVersion() {
        return metadata.schemaVersion();
    }

    /** The routing key on the publisher's topic exchange: {@code <type>.v<schemaVersion>}. */
    public String routingKey() {
        return type + ".v" + metadata.schemaVersion();
    }
}
