package org.acme.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.contracts.validation.Validation;
import org.acme.contracts.validation.Violation;

/**
 * A small repository in a temporary directory that keeps every rule: catalog publishes ProductAdded,
 * which orders handles; orders publishes OrderPlaced, which no one handles yet. A test plants one
 * violation in it and reads what the validation says.
 */
public final class ProjectFixture {

    public static final String MANIFEST = """
            # A small published language for tests.
            bounded_contexts:
              - name: catalog
                description: Products.
                publishes: [ProductAdded]
                subscribes: []
              - name: orders
                description: Orders.
                publishes: [OrderPlaced]
                subscribes: [ProductAdded]

            integration_events:
              ProductAdded:
                publisher: catalog
                subscribers: [orders]
                version: 1
                description: A product was added.
              OrderPlaced:
                publisher: orders
                subscribers: []
                version: 1
                description: A customer placed an order.
            """;

    private final Path root;

    private ProjectFixture(Path root) {
        this.root = root;
    }

    /** The fixture, valid: no rule is broken yet. */
    public static ProjectFixture valid(Path root) {
        ProjectFixture fixture = new ProjectFixture(root);
        fixture.write("integration-events.yaml", MANIFEST);
        fixture.write(contractPath("catalog", "ProductAdded"), contract("catalog", "ProductAdded", "ProductAdded", 1,
                "UUID productId, String name"));
        fixture.write(contractPath("orders", "OrderPlaced"), contract("orders", "OrderPlaced", "OrderPlaced", 1, "UUID orderId"));
        fixture.write("orders-service/src/main/java/org/acme/orders/subscribers/catalog/WhenProductAddedThenAddToProductView.java",
                subscriber("orders", "catalog", "ProductAdded", "WhenProductAddedThenAddToProductView", "1"));
        fixture.write("catalog-service/src/main/java/org/acme/catalog/addproduct/AddProductHandler.java", """
                package org.acme.catalog.addproduct;

                import java.util.UUID;
                import org.acme.integrationevents.catalog.ProductAdded;

                public class AddProductHandler {
                    ProductAdded toIntegrationEvent(UUID id, String name) {
                        return new ProductAdded(id, name);
                    }
                }
                """);
        fixture.write("orders-service/src/main/java/org/acme/orders/placeorder/PlaceOrderHandler.java", """
                package org.acme.orders.placeorder;

                import java.util.UUID;
                import org.acme.integrationevents.orders.OrderPlaced;

                public class PlaceOrderHandler {
                    OrderPlaced toIntegrationEvent(UUID id) {
                        return new OrderPlaced(id);
                    }
                }
                """);
        return fixture;
    }

    public static String contractPath(String publisher, String className) {
        return "shared-integration-events/src/main/java/org/acme/integrationevents/" + publisher + "/" + className + ".java";
    }

    /** A contract record as the real ones are written. */
    public static String contract(String packageSuffix, String className, String type, int version, String components) {
        return """
                package org.acme.integrationevents.%s;

                import java.util.UUID;
                import org.acme.integrationevents.Contract;
                import org.acme.integrationevents.IntegrationEvent;

                /** A test contract. */
                @Contract(type = "%s", version = %d)
                public record %s(%s) implements IntegrationEvent {
                }
                """.formatted(packageSuffix, type, version, className, components);
    }

    /** A subscriber as the real ones are written. */
    public static String subscriber(String context, String publisher, String event, String className, String versions) {
        return """
                package org.acme.%s.subscribers.%s;

                import io.smallrye.mutiny.Uni;
                import jakarta.enterprise.context.ApplicationScoped;
                import java.util.Set;
                import org.acme.infrastructure.subscriptions.Subscriber;
                import org.acme.integrationevents.Envelope;
                import org.acme.integrationevents.IntegrationEvent;
                import org.acme.integrationevents.%s.%s;

                @ApplicationScoped
                public class %s implements Subscriber {

                    @Override
                    public String name() {
                        return "%s";
                    }

                    @Override
                    public Class<? extends IntegrationEvent> contract() {
                        return %s.class;
                    }

                    @Override
                    public Set<Integer> versions() {
                        return Set.of(%s);
                    }

                    @Override
                    public Uni<Void> handle(Envelope envelope) {
                        return Uni.createFrom().voidItem();
                    }
                }
                """.formatted(context, publisher, publisher, event, className, className, event, versions);
    }

    public Path root() {
        return root;
    }

    public RepositoryLayout layout() {
        return new RepositoryLayout(root);
    }

    public ProjectFixture write(String relativePath, String content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relativePath) {
        try {
            return Files.readString(root.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProjectFixture delete(String relativePath) {
        try {
            Files.delete(root.resolve(relativePath));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the manifest's text, e.g. {@code yaml -> yaml.replace("version: 1", "version: 2")}. */
    public ProjectFixture editManifest(UnaryOperator<String> edit) {
        return write("integration-events.yaml", edit.apply(read("integration-events.yaml")));
    }

    public List<Violation> violations() {
        return Validation.of(layout());
    }

    /** Each violation as printed: {@code [rule] subject: problem. Fix: fix.} */
    public List<String> messages() {
        return violations().stream().map(Violation::toString).toList();
    }
}
