package org.acme.contracts.schemas;

import java.util.Objects;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.integrationevents.Contract;
import org.acme.integrationevents.Contracts;
import org.acme.integrationevents.IntegrationEvent;

/**
 * A contract record with what its schemas say about it besides its fields.
 *
 * @param name    the wire type, from {@code @Contract}
 * @param version the current version, from {@code @Contract}
 */
public record EventContract(Class<? extends IntegrationEvent> record, String name, int version, String publisher,
                            String description) {

    public EventContract {
        Objects.requireNonNull(record, "record");
        description = description == null ? "" : description;
    }

    /** Reads the annotation; the publisher is the package the record is in, the description the manifest's. */
    public static EventContract of(Class<? extends IntegrationEvent> record, Manifest manifest) {
        Contract contract = Contracts.of(record);
        String packageName = record.getPackageName();
        String publisher = packageName.substring(packageName.lastIndexOf('.') + 1);
        String description = manifest.event(contract.type()).map(EventEntry::description).orElse("");
        return new EventContract(record, contract.type(), contract.version(), publisher, description);
    }

    public String label(int version) {
        return name + " v" + version;
    }
}
