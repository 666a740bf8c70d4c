package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.sources.DeclaredType;

/**
 * Every manifest entry has its contract record and every contract record its entry, at the same
 * version: the manifest describes the code, it does not replace it.
 */
final class ManifestAgreement implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Violation> violations = new ArrayList<>();
        for (EventEntry event : repository.manifest().events()) {
            Optional<DeclaredType> contract = repository.contracts().stream()
                    .filter(type -> type.contract().isPresent() && type.eventType().equals(event.name()))
                    .findFirst();
            if (contract.isEmpty()) {
                String subscribers = event.subscribers().isEmpty() ? "" : " --subscribers " + String.join(",", event.subscribers());
                violations.add(new Violation("undefined-event", RepositorySnapshot.MANIFEST,
                        "declares " + event.name() + ", but no record in shared-integration-events carries @Contract(type = \""
                                + event.name() + "\")",
                        "run ./contracts generate integration-event " + event.name() + " --publisher " + event.publisher()
                                + subscribers + ", or remove " + event.name() + " from the manifest"));
                continue;
            }
            int declared = contract.get().contract().get().version();
            if (declared != event.version()) {
                violations.add(new Violation("version-mismatch", RepositorySnapshot.MANIFEST,
                        event.name() + " is at version " + event.version() + ", but its @Contract in " + contract.get().file()
                                + " says version " + declared,
                        "set version: " + declared + " for " + event.name() + " in the manifest (or correct @Contract if the "
                                + "manifest is right), so that both name the version that is published"));
            }
        }
        for (DeclaredType contract : repository.contracts()) {
            if (contract.contract().isPresent() && repository.manifest().event(contract.eventType()).isEmpty()) {
                String publisher = repository.publisherOf(contract);
                violations.add(new Violation("undeclared-event", contract.file(),
                        contract.eventType() + " has no entry in " + RepositorySnapshot.MANIFEST,
                        "add " + contract.eventType() + " under integration_events with publisher: " + publisher
                                + ", its subscribers, version: " + repository.currentVersion(contract)
                                + " and a description, and list it in " + BoundedContext.possessive(publisher) + " publishes"));
            }
        }
        return violations;
    }
}
