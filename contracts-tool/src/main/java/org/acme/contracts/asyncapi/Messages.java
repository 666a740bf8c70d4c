package org.acme.contracts.asyncapi;

import static org.acme.contracts.asyncapi.SortedLanguage.BINDING_VERSION;
import static org.acme.contracts.asyncapi.SortedLanguage.JSON;
import static org.acme.contracts.asyncapi.SortedLanguage.messageId;
import static org.acme.contracts.asyncapi.SortedLanguage.routingKey;
import static org.acme.contracts.asyncapi.SortedLanguage.versions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.repository.RepositoryLayout;

/** A message per event and version: the envelope, its payload the committed JSON Schema. */
final class Messages {

    private Messages() {
    }

    static ObjectNode of(SortedLanguage language, RepositoryLayout layout) {
        ObjectNode messages = JSON.objectNode();
        for (EventEntry event : language.events()) {
            for (int version : versions(event)) {
                ObjectNode message = messages.putObject(messageId(event, version));
                message.put("name", event.name());
                message.put("title", event.name() + " v" + version);
                message.put("summary", event.description());
                message.put("contentType", "application/json");
                message.putObject("correlationId").put("location", "$message.payload#/metadata/correlationId");
                // A refused command is named <Command>Rejected and published as rejected (checked by contract-shape).
                boolean rejected = event.name().endsWith("Rejected");
                message.set("payload", EnvelopeSchema.of(event, version, rejected, payloadRef(layout, event, version)));
                ObjectNode amqp = message.putObject("bindings").putObject("amqp");
                amqp.put("messageType", event.name());
                amqp.put("bindingVersion", BINDING_VERSION);
                message.put("x-routing-key", routingKey(event, version));
            }
        }
        return messages;
    }

    /** Relative to the document, so that the schema stays in one place and the document opens from the repository. */
    private static String payloadRef(RepositoryLayout layout, EventEntry event, int version) {
        Path schema = layout.schemaFile(event.publisher(), event.name(), version);
        return layout.asyncApi().getParent().relativize(schema).toString().replace('\\', '/');
    }
}
