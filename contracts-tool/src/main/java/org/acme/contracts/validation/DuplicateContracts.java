package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.sources.DeclaredType;

/**
 * A contract is defined once, in shared-integration-events. A second {@code @Contract} of the same
 * type, or a class in a service named like a published event, is a copy that will drift.
 */
final class DuplicateContracts implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        Set<String> eventNames = Stream.concat(
                        repository.manifest().events().stream().map(EventEntry::name),
                        repository.contracts().stream().flatMap(contract -> Stream.of(contract.simpleName(), contract.eventType())))
                .collect(Collectors.toSet());
        Map<String, List<DeclaredType>> byEvent = new LinkedHashMap<>();
        for (DeclaredType type : repository.sources().types()) {
            boolean copyByName = !type.module().equals(RepositoryLayout.CONTRACTS_MODULE) && eventNames.contains(type.simpleName());
            if (type.contract().isPresent() || copyByName) {
                byEvent.computeIfAbsent(type.eventType(), name -> new ArrayList<>()).add(type);
            }
        }
        List<Violation> violations = new ArrayList<>();
        byEvent.forEach((event, types) -> original(repository, event, types).ifPresent(original -> types.stream()
                .filter(type -> type != original)
                .forEach(copy -> violations.add(new Violation("duplicate-contract", copy.file(),
                        copy.simpleName() + " is a second definition of " + event + "; the contract is "
                                + original.qualifiedName() + " (" + original.file() + ")",
                        "delete " + copy.simpleName() + " and import " + original.qualifiedName()
                                + ": a contract is defined once, in shared-integration-events")))));
        return violations;
    }

    /** The one to keep: annotated, in shared-integration-events, preferably in its publisher's package. */
    private static Optional<DeclaredType> original(RepositorySnapshot repository, String event, List<DeclaredType> types) {
        String home = repository.manifest().event(event)
                .map(entry -> RepositoryLayout.contractPackage(entry.publisher())).orElse("");
        return types.stream()
                .filter(type -> type.module().equals(RepositoryLayout.CONTRACTS_MODULE) && type.contract().isPresent())
                .min(Comparator.comparing((DeclaredType type) -> !type.packageName().equals(home))
                        .thenComparing(type -> !type.simpleName().equals(event))
                        .thenComparing(DeclaredType::file));
    }
}
