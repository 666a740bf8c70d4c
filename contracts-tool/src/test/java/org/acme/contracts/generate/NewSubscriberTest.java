package org.acme.contracts.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.acme.contracts.RealRepository;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.repository.RepositoryLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates subscribers into a copy of the real manifest and contracts (never into the real tree),
 * and compiles what it wrote with javac, against the real Subscriber, EnvelopeCodec, CDI and test
 * fixtures (TestMessages, QueueProbe, @QuarkusTest).
 */
class NewSubscriberTest {

    @TempDir
    Path root;

    @TempDir
    Path classes;

    private RepositoryLayout layout;

    @BeforeEach
    void aCopyOfTheRealContracts() throws IOException {
        RepositoryLayout real = RealRepository.layout();
        layout = new RepositoryLayout(root);
        Files.copy(real.manifest(), layout.manifest());
        Path contracts = real.mainSources(RepositoryLayout.CONTRACTS_MODULE);
        try (Stream<Path> files = Files.walk(contracts)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = layout.mainSources(RepositoryLayout.CONTRACTS_MODULE).resolve(contracts.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aSubscriber_andItsTest_areWritten_compile_andTheManifestDeclaresTheSubscription() throws IOException {
        List<String> written = new NewSubscriber("StockReleased", "orders", "ForgetReservation").writeInto(layout);

        String main = "orders-service/src/main/java/org/acme/orders/subscribers/inventory/WhenStockReleasedThenForgetReservation.java";
        String test = "orders-service/src/test/java/org/acme/orders/subscribers/WhenStockReleasedThenForgetReservationTest.java";
        assertThat(written).containsExactly(main, test, "integration-events.yaml");
        assertThat(read(main))
                .contains("@ApplicationScoped\npublic class WhenStockReleasedThenForgetReservation implements Subscriber {")
                .contains("public WhenStockReleasedThenForgetReservation(Clock clock) {")
                .contains("return StockReleased.class;")
                .contains("return Set.of(1);")
                .contains("StockReleased released = EnvelopeCodec.payload(envelope, StockReleased.class);")
                .contains("// ==== REACTION: write it here ====")
                .contains("so a\n * redelivered StockReleased is skipped: the reaction is idempotent by construction");
        assertThat(read(test))
                .contains("Envelope event = TestMessages.envelope(new StockReleased(id, List.of(new ReservedLine("
                        + "UUID.randomUUID(), 1))),\n                \"inventory\", \"Stock\", id, 1L);")
                .contains("        TestMessages.publish(event);\n        TestMessages.publish(event);\n")
                .contains("QueueProbe.ofQueue(\"orders.integration-events.dlq\")")
                .contains("fail(\"WhenStockReleasedThenForgetReservation: describe and assert the one effect of StockReleased "
                        + "on orders, delivered twice\");");
        Manifest manifest = ManifestFile.read(layout.manifest());
        assertThat(manifest.event("StockReleased").orElseThrow().subscribers()).containsExactly("orders");
        assertThat(manifest.context("orders").orElseThrow().subscribes()).endsWith("StockReleased");

        assertThat(Compilation.errorsOf(List.of(root.resolve(main)), classes, List.of())).isEmpty();
        assertThat(Compilation.errorsOf(List.of(root.resolve(test)), classes, Compilation.skeletonTestClasspath())).isEmpty();
    }

    @Test
    void aSubscriberOfAVersion2Event_readsBothVersions_andIsToldWhatVersion1Lacks() throws IOException {
        new NewSubscriber("ProductAdded", "inventory", "CountNewProduct").writeInto(layout);

        String main = "inventory-service/src/main/java/org/acme/inventory/subscribers/catalog/WhenProductAddedThenCountNewProduct.java";
        assertThat(read(main))
                .contains("return Set.of(1, 2);")
                .contains("// Versions before 2 have no category: it reads as null there.");
        assertThat(read("inventory-service/src/test/java/org/acme/inventory/subscribers/WhenProductAddedThenCountNewProductTest.java"))
                .contains("new ProductAdded(id, \"name\", new BigDecimal(\"1.00\"), \"category\")");
        assertThat(Compilation.errorsOf(List.of(root.resolve(main)), classes, List.of())).isEmpty();
    }

    @Test
    void aTestOfAnEventWithNestedRecords_buildsThemToo() throws IOException {
        new NewSubscriber("OrderPlaced", "catalog", null).writeInto(layout);

        String main = "catalog-service/src/main/java/org/acme/catalog/subscribers/orders/WhenOrderPlacedThenUpdateCatalog.java";
        String test = "catalog-service/src/test/java/org/acme/catalog/subscribers/WhenOrderPlacedThenUpdateCatalogTest.java";
        assertThat(read(test)).contains("new OrderPlaced(id, UUID.randomUUID(), List.of(new OrderPlaced.Line(UUID.randomUUID(), 1)))");
        assertThat(Compilation.errorsOf(List.of(root.resolve(main)), classes, List.of())).isEmpty();
        assertThat(Compilation.errorsOf(List.of(root.resolve(test)), classes, Compilation.skeletonTestClasspath())).isEmpty();
    }

    @Test
    void aPublisher_cannotSubscribeToItsOwnEvent_norAnyoneToAnUnknownOne() {
        assertThatThrownBy(() -> new NewSubscriber("OrderPlaced", "orders", null).writeInto(layout))
                .isInstanceOf(GenerationRefused.class)
                .hasMessage("orders publishes OrderPlaced itself: inside a context, react to the domain event, not to the "
                        + "integration event");
        assertThatThrownBy(() -> new NewSubscriber("ProductLiked", "orders", null).writeInto(layout))
                .hasMessage("ProductLiked is not in integration-events.yaml: generate it first with ./contracts generate "
                        + "integration-event ProductLiked --publisher <context>");
    }

    @Test
    void anExistingSubscriber_isNeverOverwritten() {
        new NewSubscriber("StockReleased", "orders", "ForgetReservation").writeInto(layout);

        assertThatThrownBy(() -> new NewSubscriber("StockReleased", "orders", "ForgetReservation").writeInto(layout))
                .hasMessage("orders-service/src/main/java/org/acme/orders/subscribers/inventory/"
                        + "WhenStockReleasedThenForgetReservation.java already exists; choose another reaction with --then");
    }

    @Test
    void aReactionThatIsNoName_isRefused() {
        assertThatThrownBy(() -> new NewSubscriber("StockReleased", "orders", "forget it"))
                .hasMessage("the reaction is an UpperCamelCase verb phrase, e.g. ConfirmOrder or AddToProductView; got forget it");
    }

    private String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }
}
