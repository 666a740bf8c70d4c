package org.acme.contracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.acme.contracts.ProjectFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person types it, against a small repository. */
class ContractsCommandTest {

    @TempDir
    Path root;

    private ProjectFixture fixture;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        fixture = ProjectFixture.valid(root);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void list_showsEachEvent_withVersion_publisher_subscribers_andDescription() {
        assertThat(run("list")).isZero();

        assertThat(out()).isEqualTo("""
                ProductAdded v1 (catalog → orders)           A product was added.
                OrderPlaced v1 (orders → no subscriber yet)  A customer placed an order.
                2 integration events, 2 bounded contexts (integration-events.yaml)
                """);
    }

    @Test
    void validate_exitsWith1_andListsEachViolationWithItsFix() {
        fixture.delete("orders-service/src/main/java/org/acme/orders/subscribers/catalog/WhenProductAddedThenAddToProductView.java");

        assertThat(run("validate")).isEqualTo(1);

        assertThat(out()).startsWith("✗ ").contains("violations of the published language:\n")
                .contains("  [missing-handler] integration-events.yaml: orders subscribes to ProductAdded, but orders-service "
                        + "has no Subscriber whose contract() is ProductAdded. Fix: run ./contracts generate subscriber "
                        + "ProductAdded --context orders");
    }

    @Test
    void generateIntegrationEvent_writesTheContract_andTellsWhatComesNext() {
        assertThat(run("generate", "integration-event", "ProductDiscontinued", "--publisher", "catalog",
                "--subscribers", "orders", "--description", "A product will not be restocked.")).isZero();

        assertThat(out()).startsWith("✓ wrote " + ProjectFixture.contractPath("catalog", "ProductDiscontinued") + "\n"
                        + "✓ wrote integration-events.yaml\n")
                .contains("./contracts generate subscriber ProductDiscontinued --context orders --then <Reaction>");
        assertThat(Files.exists(root.resolve(ProjectFixture.contractPath("catalog", "ProductDiscontinued")))).isTrue();
    }

    @Test
    void generateSubscriber_writesTheSubscriberAndItsTest() {
        assertThat(run("generate", "subscriber", "OrderPlaced", "--context", "catalog", "--then", "ReserveShelf")).isZero();

        assertThat(out()).contains("✓ wrote catalog-service/src/main/java/org/acme/catalog/subscribers/orders/"
                + "WhenOrderPlacedThenReserveShelf.java\n✓ wrote catalog-service/src/test/java/org/acme/catalog/subscribers/"
                + "WhenOrderPlacedThenReserveShelfTest.java\n✓ wrote integration-events.yaml\n");
        assertThat(fixture.violations()).isEmpty();
    }

    @Test
    void aRefusedGeneration_exitsWith2_andSaysWhy_withoutAStackTrace() {
        assertThat(run("generate", "integration-event", "ProductDiscontinue", "--publisher", "catalog")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("✗ ProductDiscontinue is not in the past tense")
                .doesNotContain("Exception");
    }

    @Test
    void generateAsyncApi_writesTheDocument() {
        assertThat(run("generate", "asyncapi")).isZero();

        assertThat(out()).isEqualTo("✓ wrote docs/asyncapi.yaml\n");
        assertThat(fixture.read("docs/asyncapi.yaml")).contains("asyncapi: 3.0.0");
    }

    private int run(String... arguments) {
        String[] withRoot = new String[arguments.length + 2];
        withRoot[0] = "--root";
        withRoot[1] = root.toString();
        System.arraycopy(arguments, 0, withRoot, 2, arguments.length);
        return ContractsCommand.commandLine().execute(withRoot);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
