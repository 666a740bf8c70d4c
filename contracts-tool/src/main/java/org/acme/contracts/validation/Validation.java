package org.acme.contracts.validation;

import java.util.List;
import org.acme.contracts.manifest.InvalidManifest;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.sources.SourceFacts;
import org.acme.contracts.sources.SourceScan;

/** Checks the sources of a repository against its manifest, by every rule, and lists what is wrong. */
public final class Validation {

    private static final List<Rule> RULES = List.of(
            new UnreadableSources(),
            new ManifestAgreement(),
            new ContextLists(),
            new EventNames(),
            new ContractShape(),
            new DuplicateContracts(),
            new MisplacedContracts(),
            new SubscriberHandlers(),
            new SubscriberConventions(),
            new ForeignPublications());

    private Validation() {
    }

    /** Every violation, in a stable order; empty when the repository keeps every rule. */
    public static List<Violation> of(RepositoryLayout layout) {
        Manifest manifest;
        try {
            manifest = ManifestFile.read(layout.manifest());
        } catch (InvalidManifest e) {
            return List.of(new Violation("manifest", Manifest.FILE_NAME, e.getMessage(),
                    "make it a map with bounded_contexts (name, description, publishes, subscribes) and integration_events "
                            + "(publisher, subscribers, version, description), as ./contracts generate writes it"));
        }
        return of(layout, manifest, SourceScan.of(layout));
    }

    static List<Violation> of(RepositoryLayout layout, Manifest manifest, SourceFacts sources) {
        RepositorySnapshot snapshot = new RepositorySnapshot(layout, manifest, sources);
        return RULES.stream()
                .flatMap(rule -> rule.check(snapshot).stream())
                .distinct()
                .sorted(Violation.ORDER)
                .toList();
    }
}
