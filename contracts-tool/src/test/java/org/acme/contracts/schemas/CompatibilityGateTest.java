package org.acme.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.validation.Violation;
import org.acme.integrationevents.IntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate against planted changes: the committed schemas come from one record, the "current"
 * contract is another record, and the gate must name the event, the version and the field.
 */
class CompatibilityGateTest {

    private static final String V1 = "shared-integration-events/src/main/resources/schemas/catalog/ProductAdded.v1.schema.json";
    private static final String V2 = "shared-integration-events/src/main/resources/schemas/catalog/ProductAdded.v2.schema.json";

    @TempDir
    Path root;

    private RepositoryLayout layout;

    @BeforeEach
    void aRepository() {
        layout = new RepositoryLayout(root);
    }

    @Test
    void anUnchangedContract_passes() {
        commit(PlantedRecords.ProductAddedWithCategory.class, 2);

        assertThat(gate(PlantedRecords.ProductAddedWithCategory.class, 2)).isEmpty();
    }

    @Test
    void aFieldRemovedFromTheRecord_failsTheGate_namingEventVersionAndField() {
        commit(PlantedRecords.ProductAddedV1.class, 1);

        assertThat(gate(PlantedRecords.ProductAddedWithoutPrice.class, 1)).containsExactly("[schema-changed] " + V1
                + ": ProductAdded v1 is published and never changes, but in ProductAddedWithoutPrice field price is gone "
                + "(removed or renamed). Fix: restore price as version 1 has it; to change ProductAdded, add an optional "
                + "@Since(2) field and raise the version to 2, or publish a new event type.");
    }

    @Test
    void aFieldRemoved_fromAVersion2Contract_failsEachPublishedVersion() {
        commit(PlantedRecords.ProductAddedWithCategory.class, 2);

        assertThat(gate(PlantedRecords.ProductAddedWithCategoryWithoutPrice.class, 2)).containsExactly(
                "[schema-changed] " + V1 + ": ProductAdded v1 is published and never changes, but in "
                        + "ProductAddedWithCategoryWithoutPrice field price is gone (removed or renamed). Fix: restore price as "
                        + "version 1 has it; to change ProductAdded, add an optional @Since(3) field and raise the version to 3, "
                        + "or publish a new event type.",
                "[schema-changed] " + V2 + ": ProductAdded v2 is published and never changes, but in "
                        + "ProductAddedWithCategoryWithoutPrice field price is gone (removed or renamed). Fix: restore price as "
                        + "version 2 has it; to change ProductAdded, add an optional @Since(3) field and raise the version to 3, "
                        + "or publish a new event type.");
    }

    @Test
    void aFieldWhoseTypeChanged_failsTheGate() {
        commit(PlantedRecords.ProductAddedV1.class, 1);

        assertThat(gate(PlantedRecords.ProductAddedWithTextPrice.class, 1)).containsExactly("[schema-changed] " + V1
                + ": ProductAdded v1 is published and never changes, but in ProductAddedWithTextPrice field price changed "
                + "type from number to string. Fix: restore price as version 1 has it; to change ProductAdded, add an "
                + "optional @Since(2) field and raise the version to 2, or publish a new event type.");
    }

    @Test
    void anOptionalFieldMadeRequired_failsTheGate() {
        commit(PlantedRecords.ProductAddedWithCategory.class, 2);

        assertThat(gate(PlantedRecords.ProductAddedRequiringCategory.class, 2)).containsExactly(
                "[schema-changed] " + V1 + ": ProductAdded v1 is published and never changes, but in "
                        + "ProductAddedRequiringCategory field category was added as a required field. Fix: annotate category "
                        + "@Since(3) and raise ProductAdded to version 3 (@Contract and integration-events.yaml): a new field is "
                        + "optional and belongs to a new version.",
                "[schema-changed] " + V2 + ": ProductAdded v2 is published and never changes, but in "
                        + "ProductAddedRequiringCategory field category became required. Fix: restore category as version 2 "
                        + "has it; to change ProductAdded, add an optional @Since(3) field and raise the version to 3, or "
                        + "publish a new event type.",
                "[schema-changed] " + V2 + ": ProductAdded v2 is published and never changes, but in "
                        + "ProductAddedRequiringCategory field category no longer accepts null. Fix: restore category as "
                        + "version 2 has it; to change ProductAdded, add an optional @Since(3) field and raise the version to "
                        + "3, or publish a new event type.");
    }

    @Test
    void aCommittedVersion_thatBreaksThePreviousOne_failsTheGate() {
        commit(PlantedRecords.ProductAddedWithCategory.class, 2);
        ObjectNode v2 = SchemaFiles.read(root.resolve(V2)).orElseThrow();
        ((ArrayNode) v2.get("required")).add("category"); // someone edited the committed file by hand
        SchemaFiles.write(root.resolve(V2), v2);

        assertThat(gate(PlantedRecords.ProductAddedWithCategory.class, 2)).contains("[schema-incompatible] " + V2
                + ": ProductAdded v2 is not backward compatible with v1: field category was added as a required field. Fix: "
                + "keep every field of v1 with its type, add new fields as optional (@Since(2)), or publish a new event type "
                + "for a breaking change.");
    }

    @Test
    void aVersionWithoutACommittedSchema_isMissing() {
        commit(PlantedRecords.ProductAddedV1.class, 1);

        assertThat(gate(PlantedRecords.ProductAddedWithCategory.class, 2)).containsExactly("[schema-missing] " + V2
                + ": ProductAdded v2 has no committed schema. Fix: run ./contracts generate schemas and commit the file.");
    }

    @Test
    void aCommittedVersionBeyondTheCurrentOne_isAnOrphan() {
        commit(PlantedRecords.ProductAddedWithCategory.class, 2);

        assertThat(gate(PlantedRecords.ProductAddedV1.class, 1)).containsExactly("[schema-orphan] " + V2
                + ": ProductAdded v2 has a committed schema, but ProductAdded is at version 1. Fix: raise @Contract to "
                + "version = 2 if it was published (a published version stays), or delete the schema if it never was.");
    }

    @Test
    void aSinceBeyondTheCurrentVersion_isReported() {
        commit(PlantedRecords.ProductAddedV1.class, 1);

        assertThat(gate(PlantedRecords.ProductAddedWithCategory.class, 1)).containsExactly("[since-beyond-version] "
                + PlantedRecords.ProductAddedWithCategory.class.getName() + ": ProductAdded: field category is @Since(2), but "
                + "ProductAdded is at version 1. Fix: raise ProductAdded to version 2 (@Contract and integration-events.yaml), "
                + "or correct @Since.");
    }

    @Test
    void aNewDescription_onlyMakesTheSchemaStale() {
        commit(PlantedRecords.ProductAddedV1.class, 1);

        assertThat(CompatibilityGate.check(List.of(new EventContract(PlantedRecords.ProductAddedV1.class, "ProductAdded", 1,
                "catalog", "A better description.")), layout).stream().map(Violation::toString))
                .containsExactly("[schema-stale] " + V1 + ": ProductAdded v1's committed schema differs from the record's only "
                        + "in its description, title or id. Fix: run ./contracts generate schemas and commit the file.");
    }

    @Test
    void generatingSchemas_writesWhatIsMissing_butNeverRewritesAPublishedVersion() throws Exception {
        commit(PlantedRecords.ProductAddedV1.class, 1);
        String published = Files.readString(root.resolve(V1));

        SchemaGeneration refused = SchemaGeneration.run(List.of(contract(PlantedRecords.ProductAddedWithoutPrice.class, 1)), layout);
        SchemaGeneration added = SchemaGeneration.run(List.of(contract(PlantedRecords.ProductAddedWithCategory.class, 2)), layout);

        assertThat(refused.written()).isEmpty();
        assertThat(refused.refused()).extracting(Violation::rule).containsExactly("schema-changed");
        assertThat(Files.readString(root.resolve(V1))).isEqualTo(published);
        assertThat(added.written()).containsExactly(V2);
        assertThat(added.unchanged()).containsExactly(V1);
        assertThat(added.refused()).isEmpty();
    }

    private void commit(Class<? extends IntegrationEvent> record, int version) {
        EventContract contract = contract(record, version);
        for (int each = 1; each <= version; each++) {
            SchemaFiles.write(layout.schemaFile("catalog", "ProductAdded", each), ContractSchema.of(contract, each));
        }
    }

    private List<String> gate(Class<? extends IntegrationEvent> record, int version) {
        return CompatibilityGate.check(List.of(contract(record, version)), layout).stream().map(Violation::toString).toList();
    }

    private static EventContract contract(Class<? extends IntegrationEvent> record, int version) {
        return new EventContract(record, "ProductAdded", version, "catalog", "A product was added.");
    }
}
