package org.acme.contracts.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.validation.Violation;
import org.acme.integrationevents.Contracts;

/**
 * Holds the contracts to their committed schemas. A committed version is published, so it never
 * changes: the schema the record gives for it now must be the committed one. And each version must
 * accept what the previous one promised: no field removed, renamed or retyped, none made required.
 * An additive change is an optional {@code @Since} field and a new version; anything else is a new
 * event type.
 */
public final class CompatibilityGate {

    private static final Pattern SCHEMA_FILE = Pattern.compile("([A-Za-z0-9]+)\\.v([0-9]+)\\.schema\\.json");

    private CompatibilityGate() {
    }

    public static List<Violation> check(List<EventContract> contracts, RepositoryLayout layout) {
        List<Violation> violations = new ArrayList<>();
        for (EventContract contract : contracts) {
            sinceBeyondVersion(contract, violations);
            for (int version = 1; version <= contract.version(); version++) {
                publishedVersion(contract, version, layout, violations);
            }
            for (int version = 2; version <= contract.version(); version++) {
                evolution(contract, version, layout, violations);
            }
        }
        orphans(contracts, layout, violations);
        return violations.stream().sorted(Violation.ORDER).toList();
    }

    /** What differs between the record and the committed schema of a version: empty when they agree or it is not committed. */
    static List<FieldChange> changes(EventContract contract, int version, RepositoryLayout layout) {
        return SchemaFiles.read(layout.schemaFile(contract.publisher(), contract.name(), version))
                .map(committed -> SchemaDifferences.between(committed, ContractSchema.of(contract, version)))
                .orElse(List.of());
    }

    private static void publishedVersion(EventContract contract, int version, RepositoryLayout layout, List<Violation> violations) {
        Path file = layout.schemaFile(contract.publisher(), contract.name(), version);
        String subject = layout.relative(file);
        Optional<ObjectNode> committed = SchemaFiles.read(file);
        if (committed.isEmpty()) {
            violations.add(new Violation("schema-missing", subject, contract.label(version) + " has no committed schema",
                    "run ./contracts generate schemas and commit the file"));
            return;
        }
        ObjectNode generated = ContractSchema.of(contract, version);
        List<FieldChange> changes = SchemaDifferences.between(committed.get(), generated);
        for (FieldChange change : changes) {
            violations.add(new Violation("schema-changed", subject,
                    contract.label(version) + " is published and never changes, but in " + contract.record().getSimpleName()
                            + " " + change.describe(),
                    fixFor(contract, version, change)));
        }
        if (changes.isEmpty() && !committed.get().equals(generated)) {
            violations.add(new Violation("schema-stale", subject,
                    contract.label(version) + "'s committed schema differs from the record's only in its description, title or id",
                    "run ./contracts generate schemas and commit the file"));
        }
    }

    private static String fixFor(EventContract contract, int version, FieldChange change) {
        int next = contract.version() + 1;
        return switch (change.kind()) {
            case ADDED_OPTIONAL, ADDED_REQUIRED -> "annotate " + change.field() + " @Since(" + next + ") and raise " + contract.name()
                    + " to version " + next + " (@Contract and " + Manifest.FILE_NAME
                    + "): a new field is optional and belongs to a new version";
            default -> "restore " + change.field() + " as version " + version + " has it; to change "
                    + contract.name() + ", add an optional @Since(" + next + ") field and raise the version to " + next
                    + ", or publish a new event type";
        };
    }

    private static void evolution(EventContract contract, int version, RepositoryLayout layout, List<Violation> violations) {
        Path file = layout.schemaFile(contract.publisher(), contract.name(), version);
        Optional<ObjectNode> previous = SchemaFiles.read(layout.schemaFile(contract.publisher(), contract.name(), version - 1));
        Optional<ObjectNode> current = SchemaFiles.read(file);
        if (previous.isEmpty() || current.isEmpty()) {
            return; // reported as missing
        }
        for (FieldChange change : SchemaDifferences.between(previous.get(), current.get())) {
            if (change.kind().breaksCompatibility()) {
                violations.add(new Violation("schema-incompatible", layout.relative(file),
                        contract.label(version) + " is not backward compatible with v" + (version - 1) + ": " + change.describe(),
                        "keep every field of v" + (version - 1) + " with its type, add new fields as optional (@Since("
                                + version + ")), or publish a new event type for a breaking change"));
            }
        }
    }

    private static void sinceBeyondVersion(EventContract contract, List<Violation> violations) {
        for (RecordComponent component : contract.record().getRecordComponents()) {
            int since = Contracts.sinceVersion(component);
            if (since > contract.version() || since < 1) {
                violations.add(new Violation("since-beyond-version", contract.record().getName(),
                        contract.name() + ": field " + component.getName() + " is @Since(" + since + "), but " + contract.name()
                                + " is at version " + contract.version(),
                        since < 1 ? "versions start at 1: correct @Since"
                                : "raise " + contract.name() + " to version " + since + " (@Contract and "
                                + Manifest.FILE_NAME + "), or correct @Since"));
            }
        }
    }

    /** Committed schemas no contract version accounts for: a version that went backwards, or an event that went away. */
    private static void orphans(List<EventContract> contracts, RepositoryLayout layout, List<Violation> violations) {
        if (!Files.isDirectory(layout.schemasDirectory())) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(layout.schemasDirectory())) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.schemasDirectory(), e);
        }
        for (Path file : files) {
            String publisher = file.getParent().getFileName().toString();
            Matcher name = SCHEMA_FILE.matcher(file.getFileName().toString());
            String subject = layout.relative(file);
            if (!name.matches() || !file.getParent().getParent().equals(layout.schemasDirectory())) {
                violations.add(new Violation("schema-orphan", subject, "is not named schemas/<publisher>/<Type>.v<N>.schema.json",
                        "rename it, or delete it if no event stands behind it"));
                continue;
            }
            int version = Integer.parseInt(name.group(2));
            Optional<EventContract> contract = contracts.stream()
                    .filter(each -> each.name().equals(name.group(1)) && each.publisher().equals(publisher)).findFirst();
            if (contract.isEmpty()) {
                violations.add(new Violation("schema-orphan", subject,
                        "no contract " + name.group(1) + " of " + publisher + " stands behind this schema",
                        "restore the contract, or delete the schema if the event is retired for good"));
            } else if (version > contract.get().version() || version < 1) {
                violations.add(new Violation("schema-orphan", subject,
                        contract.get().label(version) + " has a committed schema, but " + contract.get().name() + " is at version "
                                + contract.get().version(),
                        "raise @Contract to version = " + version + " if it was published (a published version stays), "
                                + "or delete the schema if it never was"));
            }
        }
    }
}
