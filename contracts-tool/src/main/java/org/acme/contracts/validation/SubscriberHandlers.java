package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.sources.DeclaredType;

/**
 * The manifest and the services agree on who handles what: a declared subscription has a handler
 * in that context's service, and a handler has a declared subscription.
 */
final class SubscriberHandlers implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Handler> handlers = handlers(repository);
        List<Violation> violations = new ArrayList<>(unresolved(repository, handlers));
        for (EventEntry event : repository.manifest().events()) {
            for (String subscriber : event.subscribers()) {
                Optional<BoundedContext> context = repository.manifest().context(subscriber);
                if (context.isEmpty() || subscriber.equals(event.publisher())) {
                    continue; // ContextLists reports it
                }
                boolean handled = handlers.stream().anyMatch(handler -> handler.context().equals(subscriber)
                        && handler.event().eventType().equals(event.name()));
                if (!handled) {
                    violations.add(new Violation("missing-handler", RepositorySnapshot.MANIFEST,
                            subscriber + " subscribes to " + event.name() + ", but " + context.get().serviceModule()
                                    + " has no Subscriber whose contract() is " + event.name(),
                            "run ./contracts generate subscriber " + event.name() + " --context " + subscriber
                                    + ", or take " + subscriber + " out of " + event.name() + "'s subscribers"));
                }
            }
        }
        for (Handler handler : handlers) {
            Optional<EventEntry> event = repository.manifest().event(handler.event().eventType());
            if (event.isPresent() && !event.get().subscribers().contains(handler.context())) {
                violations.add(new Violation("undeclared-handler", handler.type().file(),
                        handler.type().simpleName() + " handles " + event.get().name() + ", but " + handler.context()
                                + " does not subscribe to " + event.get().name() + " in " + RepositorySnapshot.MANIFEST,
                        "add " + handler.context() + " to " + event.get().name() + "'s subscribers and " + event.get().name()
                                + " to " + BoundedContext.possessive(handler.context()) + " subscribes, or delete the handler"));
            }
        }
        return violations;
    }

    /** A subscriber class of a context's service, with the contract it handles. */
    record Handler(String context, DeclaredType type, DeclaredType event) {
    }

    /** The Subscriber implementations of every context's service, each with the contract it handles, if it is one. */
    static List<Handler> handlers(RepositorySnapshot repository) {
        List<Handler> handlers = new ArrayList<>();
        for (DeclaredType type : repository.sources().types()) {
            Optional<BoundedContext> context = repository.contextOfModule(type.module());
            if (type.subscriber().isEmpty() || context.isEmpty()) {
                continue;
            }
            repository.contractAmong(type.subscriber().get().contractCandidates())
                    .ifPresent(event -> handlers.add(new Handler(context.get().name(), type, event)));
        }
        return handlers;
    }

    /** A Subscriber whose contract() names no contract: it can never receive anything. */
    private static List<Violation> unresolved(RepositorySnapshot repository, List<Handler> handlers) {
        List<Violation> violations = new ArrayList<>();
        for (DeclaredType type : repository.sources().types()) {
            boolean resolved = handlers.stream().anyMatch(handler -> handler.type() == type);
            if (type.subscriber().isEmpty() || resolved || repository.contextOfModule(type.module()).isEmpty()) {
                continue;
            }
            String written = type.subscriber().get().contractWritten();
            violations.add(new Violation("undeclared-handler", type.file(),
                    type.simpleName() + "'s contract() " + (written.isEmpty() ? "returns no class literal"
                            : "is " + written + ", which is no contract of shared-integration-events"),
                    "return the contract it handles, e.g. return ProductAdded.class;"));
        }
        return violations;
    }
}
