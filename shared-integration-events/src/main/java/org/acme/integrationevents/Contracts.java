package org.acme.integrationevents;

/** Reads the {@link Contract} of an integration event class. */
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
}
