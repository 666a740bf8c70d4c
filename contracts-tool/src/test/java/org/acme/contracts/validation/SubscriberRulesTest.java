package org.acme.contracts.validation;

import static org.acme.contracts.ProjectFixture.contract;
import static org.acme.contracts.ProjectFixture.contractPath;
import static org.acme.contracts.ProjectFixture.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acme.contracts.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions and handlers agree, and handlers are named, placed and versioned as the conventions say. */
class SubscriberRulesTest {

    private static final String HANDLER =
            "orders-service/src/main/java/org/acme/orders/subscribers/catalog/WhenProductAddedThenAddToProductView.java";

    @TempDir
    Path root;

    private ProjectFixture fixture;

    @BeforeEach
    void aValidRepository() {
        fixture = ProjectFixture.valid(root);
    }

    @Test
    void aDeclaredSubscription_withoutAHandler_isReported() {
        fixture.delete(HANDLER);

        assertThat(fixture.messages()).containsExactly("[missing-handler] integration-events.yaml: orders subscribes to "
                + "ProductAdded, but orders-service has no Subscriber whose contract() is ProductAdded. Fix: run ./contracts "
                + "generate subscriber ProductAdded --context orders, or take orders out of ProductAdded's subscribers.");
    }

    @Test
    void aHandler_forAnEventItsContextDoesNotSubscribeTo_isReported() {
        String file = "catalog-service/src/main/java/org/acme/catalog/subscribers/orders/WhenOrderPlacedThenReserveShelf.java";
        fixture.write(file, subscriber("catalog", "orders", "OrderPlaced", "WhenOrderPlacedThenReserveShelf", "1"));

        assertThat(fixture.messages()).containsExactly("[undeclared-handler] " + file + ": WhenOrderPlacedThenReserveShelf "
                + "handles OrderPlaced, but catalog does not subscribe to OrderPlaced in integration-events.yaml. Fix: add "
                + "catalog to OrderPlaced's subscribers and OrderPlaced to catalog's subscribes, or delete the handler.");
    }

    @Test
    void aHandler_whoseContractIsNoContract_isReported() {
        String file = "orders-service/src/main/java/org/acme/orders/subscribers/catalog/WhenProductLikedThenCheer.java";
        fixture.write(file, subscriber("orders", "catalog", "ProductLiked", "WhenProductLikedThenCheer", "1"));

        assertThat(fixture.messages()).containsExactly("[undeclared-handler] " + file + ": WhenProductLikedThenCheer's "
                + "contract() is ProductLiked, which is no contract of shared-integration-events. Fix: return the contract it "
                + "handles, e.g. return ProductAdded.class;.");
    }

    @Test
    void aHandler_notNamedWhenEventThenReaction_isReported() {
        String file = "orders-service/src/main/java/org/acme/orders/subscribers/catalog/ProductAddedHandler.java";
        fixture.delete(HANDLER).write(file, subscriber("orders", "catalog", "ProductAdded", "ProductAddedHandler", "1"));

        assertThat(fixture.messages()).containsExactly("[subscriber-name] " + file + ": ProductAddedHandler handles "
                + "ProductAdded, so it is named WhenProductAddedThen<Reaction> and lives in package "
                + "org.acme.orders.subscribers.catalog. Fix: move it to orders-service/src/main/java/org/acme/orders/"
                + "subscribers/catalog/WhenProductAddedThen<Reaction>.java.");
    }

    @Test
    void aHandler_inTheWrongPublishersPackage_isReported() {
        String file = "orders-service/src/main/java/org/acme/orders/subscribers/inventory/WhenProductAddedThenAddToProductView.java";
        fixture.delete(HANDLER).write(file, subscriber("orders", "inventory", "ProductAdded",
                "WhenProductAddedThenAddToProductView", "1").replace("integrationevents.inventory", "integrationevents.catalog"));

        assertThat(fixture.messages()).containsExactly("[subscriber-name] " + file + ": WhenProductAddedThenAddToProductView "
                + "handles ProductAdded, so it is named WhenProductAddedThen<Reaction> and lives in package "
                + "org.acme.orders.subscribers.catalog. Fix: move it to " + HANDLER + ".");
    }

    @Test
    void aHandler_thatDoesNotReadTheCurrentVersion_isReported() {
        fixture.write(contractPath("catalog", "ProductAdded"),
                        contract("catalog", "ProductAdded", "ProductAdded", 2, "UUID productId, String name"))
                .editManifest(yaml -> yaml.replace("subscribers: [orders]\n    version: 1", "subscribers: [orders]\n    version: 2"));

        assertThat(fixture.messages()).containsExactly("[subscriber-version] " + HANDLER + ": "
                + "WhenProductAddedThenAddToProductView reads versions [1] of ProductAdded, whose current version is 2: every "
                + "ProductAdded published now is dead-lettered as unsupported. Fix: handle version 2 explicitly in handle() "
                + "and add it to versions().");
    }

    @Test
    void aHandler_claimingAVersionThatDoesNotExist_isReported() {
        fixture.write(HANDLER, subscriber("orders", "catalog", "ProductAdded", "WhenProductAddedThenAddToProductView", "1, 2"));

        assertThat(fixture.messages()).containsExactly("[subscriber-version] " + HANDLER + ": "
                + "WhenProductAddedThenAddToProductView claims versions [2] of ProductAdded, which do not exist (current is 1). "
                + "Fix: remove them from versions(): a version is read only once it is published.");
    }
}
