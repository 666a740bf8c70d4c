package org.acme.integrationevents;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Reads the {@link Contract} of an integration event class, and the fields of each of its versions. */
public final class Contracts {

    private Contracts() {
    }

    public static Contract of(Class<? extends IntegrationEvent> eventClass) {
        Contract contract = eventClass.getAnnotation(Contract.class);
        if (contract == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is an IntegrationEvent without @Contract");
        }
        return contract;
    }

    public static Contract of(IntegrationEvent event) {
        return of(event.getClass());
    }

    /** The version a field appeared in: its {@link Since}, or 1. */
    public static int sinceVersion(RecordComponent component) {
        Since since = component.getAnnotation(Since.class);
        return since == null ? 1 : since.value();
    }

    /** The fields a payload of the given version carries, in declaration order. */
    public static List<RecordComponent> fieldsOf(Class<? extends IntegrationEvent> eventClass, int version) {
        if (!eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass.getName() + " must be a record");
        }
        return Arrays.stream(eventClass.getRecordComponents())
                .filter(component -> sinceVersion(component) <= version)
                .toList();
    }
}
