package org.acme.integrationevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns envelopes into the JSON bytes on the wire and back. It owns its mapper so that the
 * published language never changes with an application's JSON settings.
 */
public final class EnvelopeCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Tolerant reader: a newer publisher may add optional fields.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Money must keep its scale through a JsonNode: 12.50 stays 12.50.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private EnvelopeCodec() {
    }

    public static byte[] encode(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise envelope " + envelope.id(), e);
        }
    }

    public static String encodeToString(Envelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise envelope " + envelope.id(), e);
        }
    }

    /** Reads an envelope, or explains in one sentence why these bytes are not one. */
    public static Envelope decode(byte[] json) throws MalformedEnvelope {
        try {
            Envelope envelope = MAPPER.readValue(json, Envelope.class);
            if (envelope == null) {
                throw new MalformedEnvelope("the message body is empty or null");
            }
            return envelope;
        } catch (MalformedEnvelope e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedEnvelope(describe(e));
        }
    }

    /** Reads the payload of an envelope as the record of one version of a contract. */
    public static <T> T payload(Envelope envelope, Class<T> type) throws MalformedEnvelope {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (IOException e) {
            throw new MalformedEnvelope("payload of " + envelope.type() + " v" + envelope.schemaVersion()
                    + " does not match " + type.getSimpleName() + ": " + describe(e));
        }
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(IOException e) {
        String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            message = cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
