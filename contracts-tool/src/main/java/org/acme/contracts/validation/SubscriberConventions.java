package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.acme.contracts.sources.DeclaredType;

/**
 * A subscriber is named {@code When<Event>Then<Reaction>} in {@code org.acme.<context>.subscribers.<publisher>},
 * and reads the current version of its event (it is dead-lettered as "unsupported version" otherwise).
 */
final class SubscriberConventions implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Violation> violations = new ArrayList<>();
        for (SubscriberHandlers.Handler handler : SubscriberHandlers.handlers(repository)) {
            DeclaredType type = handler.type();
            String event = handler.event().eventType();
            String publisher = repository.publisherOf(handler.event());
            String expectedPackage = "org.acme." + handler.context() + ".subscribers." + publisher;
            boolean named = type.simpleName().matches("When" + event + "Then[A-Z][A-Za-z0-9]*");
            if (!named || !type.packageName().equals(expectedPackage)) {
                String reaction = type.simpleName().contains("Then")
                        ? type.simpleName().substring(type.simpleName().lastIndexOf("Then") + 4) : "";
                String name = "When" + event + "Then" + (reaction.matches("[A-Z][A-Za-z0-9]*") ? reaction : "<Reaction>");
                violations.add(new Violation("subscriber-name", type.file(),
                        type.simpleName() + " handles " + event + ", so it is named When" + event
                                + "Then<Reaction> and lives in package " + expectedPackage,
                        "move it to " + type.module() + "/src/main/java/" + expectedPackage.replace('.', '/') + "/" + name + ".java"));
            }
            int current = repository.currentVersion(handler.event());
            type.subscriber().get().versions().ifPresent(versions -> {
                if (current > 0 && !versions.contains(current)) {
                    violations.add(new Violation("subscriber-version", type.file(),
                            type.simpleName() + " reads versions " + versions + " of " + event + ", whose current version is "
                                    + current + ": every " + event + " published now is dead-lettered as unsupported",
                            "handle version " + current + " explicitly in handle() and add it to versions()"));
                }
                Set<Integer> unknown = new TreeSet<>();
                versions.stream().filter(version -> version < 1 || (current > 0 && version > current)).forEach(unknown::add);
                if (!unknown.isEmpty()) {
                    violations.add(new Violation("subscriber-version", type.file(),
                            type.simpleName() + " claims versions " + unknown + " of " + event + ", which do not exist (current is "
                                    + current + ")", "remove them from versions(): a version is read only once it is published"));
                }
            });
        }
        return violations;
    }
}
