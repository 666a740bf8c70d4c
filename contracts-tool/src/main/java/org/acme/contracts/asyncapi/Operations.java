package org.acme.contracts.asyncapi;

import static org.acme.contracts.asyncapi.SortedLanguage.BINDING_VERSION;
import static org.acme.contracts.asyncapi.SortedLanguage.JSON;
import static org.acme.contracts.asyncapi.SortedLanguage.exchangeChannel;
import static org.acme.contracts.asyncapi.SortedLanguage.messageId;
import static org.acme.contracts.asyncapi.SortedLanguage.queueChannel;
import static org.acme.contracts.asyncapi.SortedLanguage.ref;
import static org.acme.contracts.asyncapi.SortedLanguage.routingKey;
import static org.acme.contracts.asyncapi.SortedLanguage.versions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;

/** The publisher sends the current version of each event it owns; each subscriber receives every version. */
final class Operations {

    private Operations() {
    }

    static ObjectNode of(SortedLanguage language) {
        ObjectNode operations = JSON.objectNode();
        for (EventEntry event : language.events()) {
            ObjectNode send = operations.putObject(event.publisher() + "Publishes" + event.name());
            send.put("action", "send");
            send.set("channel", ref("#/channels/" + exchangeChannel(event.publisher())));
            send.put("title", event.publisher() + " publishes " + event.name() + " v" + event.version());
            send.put("summary", event.description());
            send.putArray("messages").add(ref("#/channels/" + exchangeChannel(event.publisher()) + "/messages/"
                    + messageId(event, event.version())));
            ObjectNode amqp = send.putObject("bindings").putObject("amqp");
            amqp.putArray("cc").add(routingKey(event, event.version()));
            amqp.put("deliveryMode", 2); // persistent
            amqp.put("timestamp", true);
            amqp.put("bindingVersion", BINDING_VERSION);
        }
        for (BoundedContext context : language.contexts()) {
            for (EventEntry event : language.subscribedBy(context)) {
                ObjectNode receive = operations.putObject(context.name() + "Receives" + event.name());
                receive.put("action", "receive");
                receive.set("channel", ref("#/channels/" + queueChannel(context.name())));
                receive.put("title", context.name() + " receives " + event.name());
                receive.put("summary", "Handled by " + BoundedContext.possessive(context.name()) + " When" + event.name()
                        + "Then... subscribers, once per event id (inbox); a version they do not read is dead-lettered.");
                ArrayNode messages = receive.putArray("messages");
                versions(event).forEach(version -> messages.add(ref("#/channels/" + queueChannel(context.name())
                        + "/messages/" + messageId(event, version))));
                ObjectNode amqp = receive.putObject("bindings").putObject("amqp");
                amqp.put("ack", true);
                amqp.put("bindingVersion", BINDING_VERSION);
            }
        }
        return operations;
    }
}
