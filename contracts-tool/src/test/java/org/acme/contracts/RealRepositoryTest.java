package org.acme.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.acme.contracts.asyncapi.AsyncApiDocument;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.schemas.CompatibilityGate;
import org.acme.contracts.schemas.ContractClasses;
import org.acme.contracts.schemas.EventContract;
import org.acme.contracts.validation.Validation;
import org.acme.contracts.validation.Violation;
import org.acme.integrationevents.Contract;
import org.junit.jupiter.api.Test;

/**
 * The repository this build runs in keeps the rules of its published language: this is what makes
 * {@code ./mvnw verify} fail, listing every violation and its fix, when a change breaks one.
 */
class RealRepositoryTest {

    private final RepositoryLayout layout = RealRepository.layout();

    @Test
    void theCode_agreesWithTheManifest_byEveryRule() {
        failOn(Validation.of(layout), "the code and " + Manifest.FILE_NAME + " disagree");
    }

    @Test
    void everyContract_matchesItsCommittedSchemas_andEachVersionIsCompatibleWithTheLast() {
        Manifest manifest = ManifestFile.read(layout.manifest());
        List<EventContract> contracts = ContractClasses.onClasspath().stream()
                .map(record -> EventContract.of(record, manifest)).toList();

        failOn(CompatibilityGate.check(contracts, layout), "the contracts break their committed schemas");
    }

    @Test
    void theAsyncApiDocument_isWhatTheManifestGives() {
        failOn(AsyncApiDocument.staleness(ManifestFile.read(layout.manifest()), layout).stream().toList(),
                "docs/asyncapi.yaml is out of date");
    }

    @Test
    void everySchema_isOnTheClasspath_underTheNameTheServicesLoadItBy() {
        Manifest manifest = ManifestFile.read(layout.manifest());
        List<String> missing = ContractClasses.onClasspath().stream()
                .map(record -> EventContract.of(record, manifest))
                .flatMap(contract -> IntStream.rangeClosed(1, contract.version())
                        .mapToObj(version -> RepositoryLayout.schemaResource(contract.publisher(), contract.name(), version)))
                .filter(resource -> Contract.class.getClassLoader().getResource(resource) == null)
                .toList();

        assertThat(missing).as("schemas shared-integration-events does not ship").isEmpty();
    }

    private static void failOn(List<Violation> violations, String what) {
        if (!violations.isEmpty()) {
            fail(what + " (" + violations.size() + "):\n" + violations.stream().map(violation -> "  " + violation)
                    .collect(Collectors.joining("\n")));
        }
    }
}
