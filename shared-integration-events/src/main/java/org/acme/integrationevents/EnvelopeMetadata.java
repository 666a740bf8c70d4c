package org.acme.integrationevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What a consumer needs to know about an event besides its payload: which version of the contract
 * it follows, whether it is an accepted fact or a rejected command, where it comes from, and which
 * request caused it. Absent values are written as {@code null}, so every envelope has one shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnvelopeMetadata(
        int schemaVersion,
        Outcome outcome,
        String publisher,
        String aggregateType,
        String aggregateId,
        Long aggregateVersion,
        String commandType,
        String commandId,
        String correlationId,
        String causationId,
        Long expectedVersion,
        Long currentVersion) {

    public EnvelopeMetadata {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more, was " + schemaVersion);
        }
        Objects.requireNonNull(outcome, "outcome");
        requireText(publisher, "publisher");
    }

    public static Builder from(String publisher) {
        return new Builder(publisher);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Builds metadata field by field; the schema version and outcome come from the contract. */
    public static final class Builder {
        private final String publisher;
        private String aggregateType;
        private String aggregateId;
        private Long aggregateVersion;
        private String commandType;
        private String commandId;
        private String correlationId;
        private String causationId;
        private Long expectedVersion;
        private Long currentVersion;

        private Builder(String publisher) {
            this.publisher = publisher;
        }

        public Builder aggregate(String type, Object id, Long version) {
            this.aggregateType = type;
            this.aggregateId = id == null ? null : id.toString();
            this.aggregateVersion = version;
            return this;
        }

        public Builder command(String type, Object id) {
            this.commandType = type;
            this.commandId = id == null ? null : id.toString();
            return this;
        }

        public Builder correlation(String correlationId, String causationId) {
            this.correlationId = correlationId;
            this.causationId = causationId;
            return this;
        }

        /** For a rejection caused by a stale version: what the command expected and what it found. */
        public Builder versions(Long expected, Long current) {
            this.expectedVersion = expected;
            this.currentVersion = current;
            return this;
        }

        public EnvelopeMetadata build(Contract contract) {
            return new EnvelopeMetadata(contract.version(), contract.outcome(), publisher,
                    aggregateType, aggregateId, aggregateVersion, commandType, commandId,
                    correlationId, causationId, expectedVersion, currentVersion);
        }
    }
}
