package org.acme.contracts.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acme.contracts.asyncapi.AsyncApiDocument;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.schemas.CompatibilityGate;
import org.acme.contracts.schemas.ContractClasses;
import org.acme.contracts.schemas.EventContract;
import org.acme.contracts.validation.Validation;
import org.acme.contracts.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Everything the build checks, in one command: rules, schemas and the AsyncAPI document. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the code, the schemas and docs/asyncapi.yaml against integration-events.yaml. "
        + "Exit 1 with the violations and their fixes, 0 when all agree.")
class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    ContractsCommand parent;

    @Override
    public Integer call() {
        RepositoryLayout layout = parent.layout();
        List<Violation> violations = new ArrayList<>(Validation.of(layout));
        if (!violations.isEmpty() && violations.get(0).rule().equals("manifest")) {
            return report(violations);
        }
        Manifest manifest = ManifestFile.read(layout.manifest());
        List<EventContract> contracts = ContractClasses.onClasspath().stream()
                .map(record -> EventContract.of(record, manifest)).toList();
        violations.addAll(CompatibilityGate.check(contracts, layout));
        AsyncApiDocument.staleness(manifest, layout).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            return report(violations);
        }
        int subscriptions = manifest.events().stream().mapToInt(event -> event.subscribers().size()).sum();
        int schemas = contracts.stream().mapToInt(EventContract::version).sum();
        System.out.printf("✓ %d integration events of %d bounded contexts agree with %s: %d subscriptions handled, "
                        + "%d schemas committed and compatible, %s current%n",
                manifest.events().size(), manifest.contexts().size(), Manifest.FILE_NAME, subscriptions, schemas,
                layout.relative(layout.asyncApi()));
        return 0;
    }

    private static int report(List<Violation> violations) {
        System.out.printf("✗ %d violation%s of the published language:%n", violations.size(), violations.size() == 1 ? "" : "s");
        violations.forEach(violation -> System.out.println("  " + violation));
        return 1;
    }
}
