package org.acme.infrastructure.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/**
 * Maps the stored type names of an aggregate's events to their classes. The family is a sealed
 * interface, so its permitted records are the complete, compiler-checked list.
 */
final class DomainEventTypes {

    private static final Map<Class<?>, Map<String, Class<?>>> BY_FAMILY = new ConcurrentHashMap<>();

    private DomainEventTypes() {
    }

    static String nameOf(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    static <E extends DomainEvent> Class<? extends E> classOf(Class<E> family, String name) {
        Class<?> type = BY_FAMILY.computeIfAbsent(family, DomainEventTypes::index).get(name);
        if (type == null) {
            throw new IllegalStateException("no " + family.getSimpleName() + " named " + name
                    + ": was a domain event renamed without migrating the stored ones?");
        }
        return type.asSubclass(family);
    }

    private static Map<String, Class<?>> index(Class<?> family) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " must be a sealed interface listing its events");
        }
        return Stream.of(family.getPermittedSubclasses())
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }
}
