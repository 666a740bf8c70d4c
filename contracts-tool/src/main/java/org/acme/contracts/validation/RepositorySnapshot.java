package org.acme.contracts.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.sources.DeclaredType;
import org.acme.contracts.sources.SourceFacts;

/** The manifest and what the sources declare, read once, with the look-ups every rule needs. */
record RepositorySnapshot(RepositoryLayout layout, Manifest manifest, SourceFacts sources) {

    static final String MANIFEST = Manifest.FILE_NAME;

    /** The contracts where they belong: annotated or IntegrationEvent types in shared-integration-events. */
    List<DeclaredType> contracts() {
        return sources.types().stream()
                .filter(type -> type.module().equals(RepositoryLayout.CONTRACTS_MODULE) && type.looksLikeContract())
                .toList();
    }

    Map<String, DeclaredType> contractsByQualifiedName() {
        return contracts().stream().collect(Collectors.toMap(DeclaredType::qualifiedName, Function.identity(), (a, b) -> a));
    }

    /** The contract a name stands for: the first candidate that is one. */
    Optional<DeclaredType> contractAmong(List<String> candidates) {
        Map<String, DeclaredType> known = contractsByQualifiedName();
        return candidates.stream().filter(known::containsKey).map(known::get).findFirst();
    }

    /** The bounded context whose service a module is, if it is one. */
    Optional<BoundedContext> contextOfModule(String module) {
        return manifest.contexts().stream().filter(context -> context.serviceModule().equals(module)).findFirst();
    }

    /** Who publishes an event: the manifest says, else the package it was put in. */
    String publisherOf(DeclaredType contract) {
        return manifest.event(contract.eventType()).map(EventEntry::publisher)
                .orElse(contract.packageName().substring(contract.packageName().lastIndexOf('.') + 1));
    }

    /** The version that is current: the code's {@code @Contract} when it states one, else the manifest's. */
    int currentVersion(DeclaredType contract) {
        int declared = contract.contract().map(annotation -> annotation.version()).orElse(0);
        return declared > 0 ? declared : manifest.event(contract.eventType()).map(EventEntry::version).orElse(0);
    }

    String contractPath(String publisher, String className) {
        return layout.relative(layout.contractFile(publisher, className));
    }
}
