package org.acme.contracts.sources;

import java.util.Optional;

/**
 * A class, record, interface or enum found in a module's main sources.
 *
 * @param module           the Maven module directory, e.g. {@code orders-service}
 * @param file             the source file, relative to the repository root
 * @param integrationEvent whether it implements {@code IntegrationEvent}
 */
public record DeclaredType(String module, String file, int line, String packageName, String simpleName,
                           String qualifiedName, Optional<ContractAnnotation> contract, boolean integrationEvent,
                           Optional<SubscriberDeclaration> subscriber) {

    /** A contract as this tool understands one: annotated {@code @Contract} or implementing {@code IntegrationEvent}. */
    public boolean looksLikeContract() {
        return contract.isPresent() || integrationEvent;
    }

    /** The wire name: the {@code @Contract} type when there is one, else the class name. */
    public String eventType() {
        return contract.map(ContractAnnotation::type).orElse(simpleName);
    }

    public boolean nested() {
        return !qualifiedName.equals(packageName.isEmpty() ? simpleName : packageName + "." + simpleName);
    }
}
