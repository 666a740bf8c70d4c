package org.acme.contracts.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.acme.contracts.manifest.EventEntry;

/**
 * The envelope every integration event travels in, as AsyncAPI schemas: the shared metadata once
 * in components, and per message the envelope with its type, version, outcome and publisher fixed
 * and its payload pointing at the event's committed JSON Schema.
 */
final class EnvelopeSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String METADATA_REF = "#/components/schemas/EnvelopeMetadata";

    private EnvelopeSchema() {
    }

    /** Every field is always written, null when absent, so that every envelope has one shape. */
    static ObjectNode metadata() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.put("description", "Where an event comes from and which request caused it. Every field is written, "
                + "null when it does not apply.");
        ObjectNode properties = schema.putObject("properties");
        properties.set("schemaVersion", JSON.objectNode().put("type", "integer").put("minimum", 1)
                .put("description", "the contract version the payload follows; also the routing key's suffix"));
        ObjectNode outcome = JSON.objectNode().put("type", "string");
        outcome.putArray("enum").add("accepted").add("rejected");
        outcome.put("description", "accepted for a fact, rejected for a refused command (<Command>Rejected)");
        properties.set("outcome", outcome);
        properties.set("publisher", JSON.objectNode().put("type", "string").put("description", "the context that owns the event"));
        nullable(properties, "aggregateType", "string");
        nullable(properties, "aggregateId", "string");
        nullable(properties, "aggregateVersion", "integer");
        nullable(properties, "commandType", "string");
        nullable(properties, "commandId", "string");
        nullable(properties, "correlationId", "string");
        nullable(properties, "causationId", "string");
        nullable(properties, "expectedVersion", "integer");
        nullable(properties, "currentVersion", "integer");
        var required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    /** The envelope of one version of one event; its payload is the committed schema at {@code payloadRef}. */
    static ObjectNode of(EventEntry event, int version, boolean rejected, String payloadRef) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("id", JSON.objectNode().put("type", "string").put("format", "uuid")
                .put("description", "unique per event: the AMQP message_id and the subscriber's inbox key"));
        properties.set("type", JSON.objectNode().put("type", "string").put("const", event.name()));
        properties.set("kind", JSON.objectNode().put("type", "string").put("const", "integration"));
        properties.set("timestamp", JSON.objectNode().put("type", "string").put("format", "date-time")
                .put("description", "when it happened, UTC with milliseconds"));
        properties.set("payload", JSON.objectNode().put("$ref", payloadRef));
        ObjectNode metadata = JSON.objectNode();
        metadata.putArray("allOf")
                .add(JSON.objectNode().put("$ref", METADATA_REF))
                .add(fixedMetadata(event, version, rejected));
        properties.set("metadata", metadata);
        var required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode fixedMetadata(EventEntry event, int version, boolean rejected) {
        ObjectNode fixed = JSON.objectNode().put("type", "object");
        ObjectNode properties = fixed.putObject("properties");
        properties.set("schemaVersion", JSON.objectNode().put("const", version));
        properties.set("outcome", JSON.objectNode().put("const", rejected ? "rejected" : "accepted"));
        properties.set("publisher", JSON.objectNode().put("const", event.publisher()));
        return fixed;
    }

    private static void nullable(ObjectNode properties, String name, String type) {
        ObjectNode property = JSON.objectNode();
        property.putArray("type").add(type).add("null");
        properties.set(name, property);
    }
}
