package org.acme.contracts.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published language between the bounded contexts, as {@code integration-events.yaml} states it.
 *
 * @param header the comment lines at the top of the file, kept when the file is rewritten
 */
public record Manifest(List<String> header, List<BoundedContext> contexts, List<EventEntry> events) {

    public static final String FILE_NAME = "integration-events.yaml";

    public Manifest {
        header = List.copyOf(header);
        contexts = List.copyOf(contexts);
        events = List.copyOf(events);
    }

    public Optional<BoundedContext> context(String name) {
        return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
    }

    public Optional<EventEntry> event(String name) {
        return events.stream().filter(event -> event.name().equals(name)).findFirst();
    }

    /**
     * Adds a new event and names it in its contexts' lists. It goes after the other events of its
     * publisher, so that the file stays grouped by publisher.
     */
    public Manifest withEvent(EventEntry added) {
        if (event(added.name()).isPresent()) {
            throw new IllegalArgumentException(added.name() + " is already in " + FILE_NAME);
        }
        List<EventEntry> newEvents = new ArrayList<>(events);
        int lastOfPublisher = -1;
        for (int i = 0; i < newEvents.size(); i++) {
            if (newEvents.get(i).publisher().equals(added.publisher())) {
                lastOfPublisher = i;
            }
        }
        newEvents.add(lastOfPublisher < 0 ? newEvents.size() : lastOfPublisher + 1, added);
        List<BoundedContext> newContexts = contexts.stream().map(context -> {
            BoundedContext updated = context;
            if (context.name().equals(added.publisher())) {
                updated = updated.publishing(added.name());
            }
            if (added.subscribers().contains(context.name())) {
                updated = updated.subscribingTo(added.name());
            }
            return updated;
        }).toList();
        return new Manifest(header, newContexts, newEvents);
    }

    /** Adds a context to an event's subscribers, and the event to the context's subscriptions. */
    public Manifest withSubscriber(String eventName, String contextName) {
        if (event(eventName).isEmpty()) {
            throw new IllegalArgumentException(eventName + " is not in " + FILE_NAME);
        }
        if (context(contextName).isEmpty()) {
            throw new IllegalArgumentException(contextName + " is not a bounded context in " + FILE_NAME);
        }
        List<EventEntry> newEvents = events.stream()
                .map(event -> event.name().equals(eventName) ? event.withSubscriber(contextName) : event)
                .toList();
        List<BoundedContext> newContexts = contexts.stream()
                .map(context -> context.name().equals(contextName) ? context.subscribingTo(eventName) : context)
                .toList();
        return new Manifest(header, newContexts, newEvents);
    }
}
