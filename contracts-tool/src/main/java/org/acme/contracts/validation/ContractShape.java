package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import org.acme.contracts.sources.DeclaredType;

/**
 * A contract both implements {@code IntegrationEvent} (so an outbox accepts it) and carries
 * {@code @Contract} (its wire name and version): one without the other is half a contract. A refused
 * command is published as {@code <Command>Rejected} with outcome rejected, and only such an event is.
 */
final class ContractShape implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Violation> violations = new ArrayList<>();
        for (DeclaredType contract : repository.contracts()) {
            if (contract.contract().isEmpty()) {
                violations.add(new Violation("contract-shape", contract.file(),
                        contract.simpleName() + " implements IntegrationEvent without @Contract",
                        "annotate it @Contract(type = \"" + contract.simpleName() + "\", version = 1)"));
            } else if (!contract.integrationEvent()) {
                violations.add(new Violation("contract-shape", contract.file(),
                        contract.simpleName() + " carries @Contract but does not implement IntegrationEvent",
                        "declare it as a record that implements IntegrationEvent"));
            } else if (contract.contract().get().version() < 1) {
                violations.add(new Violation("contract-shape", contract.file(),
                        contract.simpleName() + "'s @Contract has no literal version of 1 or more",
                        "write the current version as a number: @Contract(type = \"" + contract.eventType()
                                + "\", version = 1)"));
            } else if (contract.contract().get().rejected() != contract.eventType().endsWith("Rejected")) {
                boolean rejected = contract.contract().get().rejected();
                violations.add(new Violation("contract-shape", contract.file(), rejected
                        ? contract.eventType() + " is published with outcome rejected, but is not named <Command>Rejected"
                        : contract.eventType() + " is named like a rejection, but is published with outcome accepted",
                        rejected ? "name it after the refused command, e.g. PlaceOrderRejected"
                                : "add outcome = Outcome.REJECTED to its @Contract: a refused command is published as rejected"));
            }
        }
        return violations;
    }
}
