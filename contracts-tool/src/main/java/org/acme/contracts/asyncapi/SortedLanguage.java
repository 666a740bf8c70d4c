package org.acme.contracts.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;

/**
 * The manifest sorted by name, and the names AsyncAPI and RabbitMQ know its parts by. Sorting here
 * is what makes the document the same bytes for the same manifest, whatever its order.
 */
record SortedLanguage(List<BoundedContext> contexts, List<EventEntry> events) {

    static final String BINDING_VERSION = "0.3.0";
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static SortedLanguage of(Manifest manifest) {
        return new SortedLanguage(
                manifest.contexts().stream().sorted(Comparator.comparing(BoundedContext::name)).toList(),
                manifest.events().stream().sorted(Comparator.comparing(EventEntry::name)).toList());
    }

    List<EventEntry> publishedBy(BoundedContext context) {
        return events.stream().filter(event -> event.publisher().equals(context.name())).toList();
    }

    List<EventEntry> subscribedBy(BoundedContext context) {
        return events.stream().filter(event -> event.subscribers().contains(context.name())).toList();
    }

    static List<Integer> versions(EventEntry event) {
        return IntStream.rangeClosed(1, event.version()).boxed().toList();
    }

    static ObjectNode ref(String target) {
        return JSON.objectNode().put("$ref", target);
    }

    /** AsyncAPI ids allow letters, digits, _ and - only: {@code ProductAddedV2}. */
    static String messageId(EventEntry event, int version) {
        return event.name() + "V" + version;
    }

    static String routingKey(EventEntry event, int version) {
        return event.name() + ".v" + version;
    }

    static String exchange(String context) {
        return context + ".events";
    }

    static String queue(String context) {
        return context + ".integration-events";
    }

    static String exchangeChannel(String context) {
        return context + "Events";
    }

    static String queueChannel(String context) {
        return context + "IntegrationEvents";
    }
}
