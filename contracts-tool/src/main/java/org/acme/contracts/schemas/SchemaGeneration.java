package org.acme.contracts.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.validation.Violation;

/**
 * Writes the schema of every contract version that is missing or only out of date in its wording.
 * It never rewrites a committed version whose fields changed: that would hide exactly what the
 * gate exists to stop, so those are left to the gate to report.
 *
 * @param written   the files written (new, or refreshed)
 * @param unchanged the files that already said exactly this
 * @param refused   what the gate still finds wrong afterwards
 */
public record SchemaGeneration(List<String> written, List<String> unchanged, List<Violation> refused) {

    public static SchemaGeneration run(List<EventContract> contracts, RepositoryLayout layout) {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (EventContract contract : contracts) {
            for (int version = 1; version <= contract.version(); version++) {
                Path file = layout.schemaFile(contract.publisher(), contract.name(), version);
                ObjectNode generated = ContractSchema.of(contract, version);
                Optional<ObjectNode> committed = SchemaFiles.read(file);
                if (committed.isPresent() && committed.get().equals(generated)) {
                    unchanged.add(layout.relative(file));
                } else if (committed.isEmpty() || CompatibilityGate.changes(contract, version, layout).isEmpty()) {
                    SchemaFiles.write(file, generated);
                    written.add(layout.relative(file));
                }
            }
        }
        return new SchemaGeneration(written, unchanged, CompatibilityGate.check(contracts, layout));
    }
}
