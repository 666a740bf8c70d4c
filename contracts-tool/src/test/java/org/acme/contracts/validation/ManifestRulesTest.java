package org.acme.contracts.validation;

import static org.acme.contracts.ProjectFixture.contract;
import static org.acme.contracts.ProjectFixture.contractPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acme.contracts.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest describes the code: every entry has its contract and back, at one version, in agreeing lists. */
class ManifestRulesTest {

    @TempDir
    Path root;

    private ProjectFixture fixture;

    @BeforeEach
    void aValidRepository() {
        fixture = ProjectFixture.valid(root);
    }

    @Test
    void aManifestEntry_withoutItsContract_isUndefined() {
        fixture.delete(contractPath("orders", "OrderPlaced"));

        assertThat(fixture.messages()).containsExactly("[undefined-event] integration-events.yaml: declares OrderPlaced, but "
                + "no record in shared-integration-events carries @Contract(type = \"OrderPlaced\"). Fix: run ./contracts "
                + "generate integration-event OrderPlaced --publisher orders, or remove OrderPlaced from the manifest.");
    }

    @Test
    void aContract_withoutAManifestEntry_isUndeclared() {
        String file = contractPath("catalog", "ProductRemoved");
        fixture.write(file, contract("catalog", "ProductRemoved", "ProductRemoved", 1, "UUID productId"));

        assertThat(fixture.messages()).containsExactly("[undeclared-event] " + file + ": ProductRemoved has no entry in "
                + "integration-events.yaml. Fix: add ProductRemoved under integration_events with publisher: catalog, its "
                + "subscribers, version: 1 and a description, and list it in catalog's publishes.");
    }

    @Test
    void aManifestVersion_thatIsNotTheContractsVersion_isReported() {
        fixture.editManifest(yaml -> yaml.replace("subscribers: [orders]\n    version: 1", "subscribers: [orders]\n    version: 2"));

        assertThat(fixture.messages()).containsExactly("[version-mismatch] integration-events.yaml: ProductAdded is at version "
                + "2, but its @Contract in " + contractPath("catalog", "ProductAdded") + " says version 1. Fix: set version: 1 "
                + "for ProductAdded in the manifest (or correct @Contract if the manifest is right), so that both name the "
                + "version that is published.");
    }

    @Test
    void aSubscriptionMissingFromTheContextsList_isReported() {
        fixture.editManifest(yaml -> yaml.replace("subscribes: [ProductAdded]", "subscribes: []"));

        assertThat(fixture.messages()).containsExactly("[context-lists] integration-events.yaml: orders does not list "
                + "ProductAdded in subscribes, though ProductAdded's subscribers include orders. Fix: add ProductAdded to "
                + "orders' subscribes.");
    }

    @Test
    void aPublicationListedByTheWrongContext_isReported() {
        fixture.editManifest(yaml -> yaml.replace("publishes: [ProductAdded]", "publishes: [ProductAdded, OrderPlaced]"));

        assertThat(fixture.messages()).containsExactly("[context-lists] integration-events.yaml: catalog lists OrderPlaced in "
                + "publishes, but OrderPlaced's publisher is orders. Fix: remove OrderPlaced from catalog's publishes, or make "
                + "catalog its publisher.");
    }

    @Test
    void aSubscriberThatIsNoContext_isReported() {
        fixture.editManifest(yaml -> yaml.replace("subscribers: [orders]", "subscribers: [orders, shipping]"));

        assertThat(fixture.messages()).containsExactly("[context-lists] integration-events.yaml: ProductAdded's subscriber "
                + "shipping is not a bounded context. Fix: declare shipping under bounded_contexts, or remove it from "
                + "ProductAdded's subscribers.");
    }

    @Test
    void aContextSubscribingToItsOwnEvent_isReported() {
        fixture.editManifest(yaml -> yaml.replace("subscribers: []", "subscribers: [orders]"));

        assertThat(fixture.messages()).containsExactly("[context-lists] integration-events.yaml: orders subscribes to its own "
                + "OrderPlaced. Fix: remove orders from OrderPlaced's subscribers: inside its own context, react to the "
                + "domain event instead.");
    }

    @Test
    void aManifestThatIsNotOne_isReportedAsSuch() {
        fixture.write("integration-events.yaml", "integration_events:\n  ProductAdded:\n    subscribers: [orders]\n");

        assertThat(fixture.messages()).containsExactly("[manifest] integration-events.yaml: integration-events.yaml: event "
                + "ProductAdded needs a version of 1 or more. Fix: make it a map with bounded_contexts (name, description, "
                + "publishes, subscribes) and integration_events (publisher, subscribers, version, description), as "
                + "./contracts generate writes it.");
    }
}
