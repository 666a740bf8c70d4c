package org.acme.contracts.validation;

import static org.acme.contracts.ProjectFixture.contract;
import static org.acme.contracts.ProjectFixture.contractPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.acme.contracts.ProjectFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules about the contracts themselves: defined once, in the publisher's package, well named, published by their owner. */
class ContractRulesTest {

    private static final String PRODUCT_ADDED = "org.acme.integrationevents.catalog.ProductAdded";
    private static final String PRODUCT_ADDED_FILE = contractPath("catalog", "ProductAdded");

    @TempDir
    Path root;

    private ProjectFixture fixture;

    @BeforeEach
    void aValidRepository() {
        fixture = ProjectFixture.valid(root);
    }

    @Test
    void theFixture_keepsEveryRule() {
        assertThat(fixture.messages()).isEmpty();
    }

    @Test
    void aCopyOfAContract_inAService_isADuplicate() {
        fixture.write("orders-service/src/main/java/org/acme/orders/productview/ProductAdded.java", """
                package org.acme.orders.productview;

                import java.util.UUID;

                public record ProductAdded(UUID productId, String name) {
                }
                """);

        assertThat(fixture.messages()).containsExactly("[duplicate-contract] "
                + "orders-service/src/main/java/org/acme/orders/productview/ProductAdded.java: ProductAdded is a second "
                + "definition of ProductAdded; the contract is " + PRODUCT_ADDED + " (" + PRODUCT_ADDED_FILE + "). Fix: delete "
                + "ProductAdded and import " + PRODUCT_ADDED + ": a contract is defined once, in shared-integration-events.");
    }

    @Test
    void aSecondClass_withTheSameContractType_isADuplicate() {
        fixture.write(contractPath("catalog", "ProductListed"),
                contract("catalog", "ProductListed", "ProductAdded", 1, "UUID productId"));

        assertThat(fixture.messages()).containsExactly("[duplicate-contract] " + contractPath("catalog", "ProductListed")
                + ": ProductListed is a second definition of ProductAdded; the contract is " + PRODUCT_ADDED + " ("
                + PRODUCT_ADDED_FILE + "). Fix: delete ProductListed and import " + PRODUCT_ADDED
                + ": a contract is defined once, in shared-integration-events.");
    }

    @Test
    void aContract_inAnotherPublishersPackage_isMisplaced() {
        String misplaced = contractPath("orders", "ProductAdded");
        fixture.delete(PRODUCT_ADDED_FILE)
                .write(misplaced, contract("orders", "ProductAdded", "ProductAdded", 1, "UUID productId, String name"));
        pointImportsAt("org.acme.integrationevents.orders.ProductAdded");

        assertThat(fixture.messages()).containsExactly("[misplaced-contract] " + misplaced
                + ": ProductAdded is published by catalog, but declared in package org.acme.integrationevents.orders. "
                + "Fix: move it to " + PRODUCT_ADDED_FILE + ".");
    }

    @Test
    void aContract_declaredInAService_isMisplaced() {
        String inService = "orders-service/src/main/java/org/acme/orders/confirmorder/OrderConfirmed.java";
        fixture.write(inService, """
                package org.acme.orders.confirmorder;

                import java.util.UUID;
                import org.acme.integrationevents.Contract;
                import org.acme.integrationevents.IntegrationEvent;

                @Contract(type = "OrderConfirmed", version = 1)
                public record OrderConfirmed(UUID orderId) implements IntegrationEvent {
                }
                """);

        assertThat(fixture.messages()).containsExactly("[misplaced-contract] " + inService
                + ": OrderConfirmed is a contract declared in orders-service, outside shared-integration-events. Fix: move it to "
                + contractPath("orders", "OrderConfirmed") + " so that publisher and subscribers share one definition.");
    }

    @Test
    void anIntegrationEvent_withoutContractAnnotation_isHalfAContract() {
        String file = contractPath("catalog", "ProductPriced");
        fixture.write(file, """
                package org.acme.integrationevents.catalog;

                import org.acme.integrationevents.IntegrationEvent;

                public record ProductPriced(String name) implements IntegrationEvent {
                }
                """);

        assertThat(fixture.messages()).containsExactly("[contract-shape] " + file
                + ": ProductPriced implements IntegrationEvent without @Contract. "
                + "Fix: annotate it @Contract(type = \"ProductPriced\", version = 1).");
    }

    @Test
    void aRejectedOutcome_onAnEventNotNamedRejected_isReported() {
        String file = contractPath("orders", "OrderPlaced");
        fixture.write(file, contract("orders", "OrderPlaced", "OrderPlaced", 1, "UUID orderId")
                .replace("version = 1)", "version = 1, outcome = Outcome.REJECTED)")
                .replace("import org.acme.integrationevents.IntegrationEvent;",
                        "import org.acme.integrationevents.IntegrationEvent;\nimport org.acme.integrationevents.Outcome;"));

        assertThat(fixture.messages()).containsExactly("[contract-shape] " + file
                + ": OrderPlaced is published with outcome rejected, but is not named <Command>Rejected. "
                + "Fix: name it after the refused command, e.g. PlaceOrderRejected.");
    }

    @Test
    void anEventName_notInThePastTense_isReported() {
        declareOrdersEvent("StockCount");

        assertThat(fixture.messages()).containsExactly("[event-name] integration-events.yaml: StockCount is not in the past "
                + "tense: Count is not a past participle. Fix: rename it StockCounted: an integration event says what "
                + "happened, in the past tense, without a suffix.");
    }

    @Test
    void anEventName_withTheEventSuffix_isReported() {
        declareOrdersEvent("OrderShippedEvent");

        assertThat(fixture.messages()).containsExactly("[event-name] integration-events.yaml: OrderShippedEvent ends with "
                + "Event, the suffix of internal domain events. Fix: rename it OrderShipped: an integration event says what "
                + "happened, in the past tense, without a suffix.");
    }

    @Test
    void aContractClass_withABadName_isReported_whereItIsDeclared() {
        String file = contractPath("orders", "OrderPlacement");
        fixture.write(file, contract("orders", "OrderPlacement", "OrderPlaced", 1, "UUID orderId"))
                .delete(contractPath("orders", "OrderPlaced"));

        assertThat(fixture.messages()).containsExactly("[event-name] " + file + ": OrderPlacement is not in the past tense: "
                + "Placement is not a past participle. Fix: rename it OrderPlaced: an integration event says what "
                + "happened, in the past tense, without a suffix.");
    }

    @Test
    void aServiceCreatingAnotherContextsEvent_publishesWhatItDoesNotOwn() {
        fixture.write("orders-service/src/main/java/org/acme/orders/productview/Announcer.java", """
                package org.acme.orders.productview;

                import java.util.UUID;
                import org.acme.integrationevents.catalog.ProductAdded;

                class Announcer {
                    ProductAdded announce(UUID id) {
                        return new ProductAdded(id, "a product orders made up");
                    }
                }
                """);

        assertThat(fixture.messages()).containsExactly("[foreign-publication] "
                + "orders-service/src/main/java/org/acme/orders/productview/Announcer.java:8: orders creates ProductAdded, "
                + "an event that catalog owns: only catalog publishes ProductAdded. Fix: publish an event of orders instead "
                + "(./contracts generate integration-event <Name> --publisher orders --subscribers ...) and leave ProductAdded "
                + "to catalog.");
    }

    @Test
    void aFileThatDoesNotParse_isReported_ratherThanSkipped() {
        fixture.write("orders-service/src/main/java/org/acme/orders/Broken.java", "package org.acme.orders;\nclass Broken {");

        assertThat(fixture.messages()).singleElement().asString()
                .startsWith("[unreadable-source] orders-service/src/main/java/org/acme/orders/Broken.java: cannot be parsed (")
                .endsWith("Fix: correct the syntax; until then no rule can check this file.");
    }

    /** An orders event with its contract and manifest entry, named as the test says. */
    private void declareOrdersEvent(String name) {
        fixture.write(contractPath("orders", name), contract("orders", name, name, 1, "UUID orderId"))
                .editManifest(yaml -> yaml
                        .replace("publishes: [OrderPlaced]", "publishes: [OrderPlaced, " + name + "]")
                        + "  " + name + ":\n    publisher: orders\n    subscribers: []\n    version: 1\n    description: Test.\n");
    }

    private void pointImportsAt(String qualifiedName) {
        for (String file : new String[] {
                "orders-service/src/main/java/org/acme/orders/subscribers/catalog/WhenProductAddedThenAddToProductView.java",
                "catalog-service/src/main/java/org/acme/catalog/addproduct/AddProductHandler.java"}) {
            fixture.write(file, fixture.read(file).replace(PRODUCT_ADDED, qualifiedName));
        }
    }
}
