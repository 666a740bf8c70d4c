package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;

/**
 * The contexts' publishes and subscribes lists say the same as the events' publisher and
 * subscribers, and everyone named is a declared bounded context.
 */
final class ContextLists implements Rule {

    private static final String RULE = "context-lists";

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        Manifest manifest = repository.manifest();
        List<Violation> violations = new ArrayList<>();
        for (EventEntry event : manifest.events()) {
            if (manifest.context(event.publisher()).isEmpty()) {
                violations.add(violation(event.name() + "'s publisher " + event.publisher() + " is not a bounded context",
                        "declare " + event.publisher() + " under bounded_contexts, or correct the publisher"));
            }
            for (String subscriber : event.subscribers()) {
                if (subscriber.equals(event.publisher())) {
                    violations.add(violation(event.publisher() + " subscribes to its own " + event.name(),
                            "remove " + subscriber + " from " + event.name() + "'s subscribers: inside its own context, react "
                                    + "to the domain event instead"));
                } else if (manifest.context(subscriber).isEmpty()) {
                    violations.add(violation(event.name() + "'s subscriber " + subscriber + " is not a bounded context",
                            "declare " + subscriber + " under bounded_contexts, or remove it from " + event.name()
                                    + "'s subscribers"));
                }
            }
        }
        for (BoundedContext context : manifest.contexts()) {
            List<String> published = manifest.events().stream()
                    .filter(event -> event.publisher().equals(context.name())).map(EventEntry::name).toList();
            List<String> subscribed = manifest.events().stream()
                    .filter(event -> event.subscribers().contains(context.name()) && !event.publisher().equals(context.name()))
                    .map(EventEntry::name).toList();
            compare(manifest, context, "publishes", context.publishes(), published, violations);
            compare(manifest, context, "subscribes", context.subscribes(), subscribed, violations);
        }
        return violations;
    }

    private static void compare(Manifest manifest, BoundedContext context, String list, List<String> listed,
                                List<String> expected, List<Violation> violations) {
        String role = list.equals("publishes") ? "publisher" : "subscribers";
        for (String event : expected) {
            if (!listed.contains(event)) {
                violations.add(violation(context.name() + " does not list " + event + " in " + list + ", though "
                                + event + "'s " + role + (role.equals("publisher") ? " is " : " include ") + context.name(),
                        "add " + event + " to " + BoundedContext.possessive(context.name()) + " " + list));
            }
        }
        for (String event : listed) {
            if (expected.contains(event)) {
                continue;
            }
            Optional<EventEntry> entry = manifest.event(event);
            if (entry.isEmpty()) {
                violations.add(violation(context.name() + " lists " + event + " in " + list + ", but integration_events has no "
                        + event, "remove it from " + BoundedContext.possessive(context.name()) + " " + list + ", or declare " + event
                        + " under integration_events"));
            } else {
                violations.add(violation(context.name() + " lists " + event + " in " + list + ", but " + event + "'s " + role
                                + (role.equals("publisher") ? " is " + entry.get().publisher() : " do not include " + context.name()),
                        "remove " + event + " from " + BoundedContext.possessive(context.name()) + " " + list
                                + (role.equals("publisher")
                                ? ", or make " + context.name() + " its publisher"
                                : ", or add " + context.name() + " to " + event + "'s subscribers")));
            }
        }
    }

    private static Violation violation(String problem, String fix) {
        return new Violation(RULE, RepositorySnapshot.MANIFEST, problem, fix);
    }
}
