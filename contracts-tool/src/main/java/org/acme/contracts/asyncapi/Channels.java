package org.acme.contracts.asyncapi;

import static org.acme.contracts.asyncapi.SortedLanguage.BINDING_VERSION;
import static org.acme.contracts.asyncapi.SortedLanguage.JSON;
import static org.acme.contracts.asyncapi.SortedLanguage.exchange;
import static org.acme.contracts.asyncapi.SortedLanguage.messageId;
import static org.acme.contracts.asyncapi.SortedLanguage.queue;
import static org.acme.contracts.asyncapi.SortedLanguage.ref;
import static org.acme.contracts.asyncapi.SortedLanguage.versions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;

/** A channel per publisher's topic exchange, and one per subscriber's queue, as the services declare them. */
final class Channels {

    private Channels() {
    }

    static ObjectNode of(SortedLanguage language) {
        ObjectNode channels = JSON.objectNode();
        for (BoundedContext context : language.contexts()) {
            List<EventEntry> published = language.publishedBy(context);
            if (!published.isEmpty()) {
                ObjectNode channel = channels.putObject(SortedLanguage.exchangeChannel(context.name()));
                channel.put("address", exchange(context.name()));
                channel.put("title", exchange(context.name()));
                channel.put("description", "The topic exchange only " + context.name() + " publishes to; routing key "
                        + "<Type>.v<schemaVersion>. What no queue is bound for goes to its alternate exchange.");
                channel.set("messages", messages(published));
                ObjectNode amqp = channel.putObject("bindings").putObject("amqp");
                amqp.put("is", "routingKey");
                ObjectNode exchange = amqp.putObject("exchange");
                exchange.put("name", exchange(context.name()));
                exchange.put("type", "topic");
                exchange.put("durable", true);
                exchange.put("autoDelete", false);
                exchange.put("vhost", "/");
                amqp.put("bindingVersion", BINDING_VERSION);
            }
            List<EventEntry> subscribed = language.subscribedBy(context);
            if (!subscribed.isEmpty()) {
                ObjectNode channel = channels.putObject(SortedLanguage.queueChannel(context.name()));
                channel.put("address", queue(context.name()));
                channel.put("title", queue(context.name()));
                List<String> bindings = subscribed.stream().map(event -> event.name() + ".* on " + exchange(event.publisher()))
                        .toList();
                channel.put("description", BoundedContext.possessive(context.name()) + " durable quorum queue, bound to "
                        + String.join(", ", bindings) + ". A message that fails or has an unsupported version goes to "
                        + queue(context.name()) + ".dlq.");
                channel.set("messages", messages(subscribed));
                ObjectNode amqp = channel.putObject("bindings").putObject("amqp");
                amqp.put("is", "queue");
                ObjectNode queue = amqp.putObject("queue");
                queue.put("name", queue(context.name()));
                queue.put("durable", true);
                queue.put("exclusive", false);
                queue.put("autoDelete", false);
                queue.put("vhost", "/");
                amqp.put("bindingVersion", BINDING_VERSION);
            }
        }
        return channels;
    }

    /** Every version of every event the channel carries: a subscriber may still receive an older one. */
    private static ObjectNode messages(List<EventEntry> events) {
        ObjectNode messages = JSON.objectNode();
        events.forEach(event -> versions(event).forEach(version ->
                messages.set(messageId(event, version), ref("#/components/messages/" + messageId(event, version)))));
        return messages;
    }
}
