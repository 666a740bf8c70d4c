package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.sources.DeclaredType;

/**
 * A contract lives in shared-integration-events, in the package of the context that publishes it
 * ({@code org.acme.integrationevents.<publisher>}): its owner is visible in its name.
 */
final class MisplacedContracts implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Violation> violations = new ArrayList<>();
        for (DeclaredType contract : repository.contracts()) {
            if (contract.nested()) {
                continue; // reported with its enclosing type, if that one is misplaced
            }
            String expected = repository.manifest().event(contract.eventType())
                    .map(EventEntry::publisher)
                    .or(() -> publisherPackage(repository, contract))
                    .orElse(null);
            if (expected == null) {
                violations.add(new Violation("misplaced-contract", contract.file(),
                        contract.eventType() + " is in package " + contract.packageName() + ", which is no publisher's",
                        "move it to " + RepositoryLayout.contractPackage("<publisher>") + " and declare it in "
                                + RepositorySnapshot.MANIFEST));
            } else if (!contract.packageName().equals(RepositoryLayout.contractPackage(expected))) {
                violations.add(new Violation("misplaced-contract", contract.file(),
                        contract.eventType() + " is published by " + expected + ", but declared in package "
                                + contract.packageName(),
                        "move it to " + repository.contractPath(expected, contract.simpleName())));
            }
        }
        Set<String> defined = repository.contracts().stream().map(DeclaredType::eventType).collect(Collectors.toSet());
        for (DeclaredType type : repository.sources().types()) {
            if (type.module().equals(RepositoryLayout.CONTRACTS_MODULE) || !type.looksLikeContract()
                    || defined.contains(type.eventType())) {
                continue; // where a copy of a defined contract is, DuplicateContracts tells to delete it
            }
            String publisher = repository.manifest().event(type.eventType()).map(EventEntry::publisher)
                    .or(() -> repository.contextOfModule(type.module()).map(BoundedContext::name))
                    .orElse("<publisher>");
            violations.add(new Violation("misplaced-contract", type.file(),
                    type.eventType() + " is a contract declared in " + type.module() + ", outside shared-integration-events",
                    "move it to " + repository.contractPath(publisher, type.simpleName())
                            + " so that publisher and subscribers share one definition"));
        }
        return violations;
    }

    /** Without a manifest entry, any publisher's package will do: that the entry is missing is reported elsewhere. */
    private static Optional<String> publisherPackage(RepositorySnapshot repository, DeclaredType contract) {
        return repository.manifest().contexts().stream()
                .map(BoundedContext::name)
                .filter(context -> contract.packageName().equals(RepositoryLayout.contractPackage(context)))
                .findFirst();
    }
}
