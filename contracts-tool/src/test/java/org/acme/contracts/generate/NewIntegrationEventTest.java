package org.acme.contracts.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.acme.contracts.ProjectFixture;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.validation.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewIntegrationEventTest {

    @TempDir
    Path root;

    @TempDir
    Path classes;

    private ProjectFixture fixture;

    @BeforeEach
    void aRepository() {
        fixture = ProjectFixture.valid(root);
    }

    @Test
    void aNewEvent_isARecordInItsPublishersPackage_documented_andDeclaredInTheManifest() {
        List<String> written = new NewIntegrationEvent("ProductDiscontinued", "catalog", List.of("orders"),
                "A product will not be restocked.", List.of()).writeInto(fixture.layout());

        String file = ProjectFixture.contractPath("catalog", "ProductDiscontinued");
        assertThat(written).containsExactly(file, "integration-events.yaml");
        assertThat(fixture.read(file)).isEqualTo("""
                package org.acme.integrationevents.catalog;

                import java.util.Objects;
                import java.util.UUID;
                import org.acme.integrationevents.Contract;
                import org.acme.integrationevents.IntegrationEvent;

                /**
                 * A product will not be restocked.
                 *
                 * <p>Publisher: catalog. Subscribers: orders.
                 * Version 1: productId.
                 * Keep it minimal: only what other contexts need, never a service's internal details. To evolve it,
                 * add an optional {@code @Since(2)} field and raise the version; a breaking change is a new event type.
                 */
                @Contract(type = "ProductDiscontinued", version = 1)
                public record ProductDiscontinued(UUID productId) implements IntegrationEvent {

                    public ProductDiscontinued {
                        Objects.requireNonNull(productId, "productId");
                    }
                }
                """);
        Manifest manifest = ManifestFile.read(fixture.layout().manifest());
        assertThat(manifest.event("ProductDiscontinued")).contains(
                new EventEntry("ProductDiscontinued", "catalog", List.of("orders"), 1, "A product will not be restocked."));
        assertThat(manifest.context("catalog").orElseThrow().publishes()).containsExactly("ProductAdded", "ProductDiscontinued");
        assertThat(manifest.context("orders").orElseThrow().subscribes()).containsExactly("ProductAdded", "ProductDiscontinued");
        assertThat(Compilation.errorsOf(List.of(root.resolve(file)), classes, List.of())).isEmpty();
    }

    @Test
    void afterGeneration_onlyTheSubscribersHandlerIsMissing() {
        new NewIntegrationEvent("ProductDiscontinued", "catalog", List.of("orders"), null, List.of()).writeInto(fixture.layout());

        assertThat(fixture.violations()).extracting(Violation::rule).containsExactly("missing-handler");
    }

    @Test
    void aRejection_isPublishedAsRejected_withItsReason() {
        new NewIntegrationEvent("DiscontinueProductRejected", "catalog", List.of(), null, List.of()).writeInto(fixture.layout());

        String file = ProjectFixture.contractPath("catalog", "DiscontinueProductRejected");
        assertThat(fixture.read(file))
                .contains("@Contract(type = \"DiscontinueProductRejected\", version = 1, outcome = Outcome.REJECTED)")
                .contains("public record DiscontinueProductRejected(UUID productId, String reason)")
                .contains("Discontinue product rejected. Published with outcome {@code rejected}.")
                .contains("Subscribers: none yet.");
        assertThat(Compilation.errorsOf(List.of(root.resolve(file)), classes, List.of())).isEmpty();
        assertThat(fixture.violations()).isEmpty();
    }

    @Test
    void givenFields_areTheRecordsComponents_withTheirImports() {
        new NewIntegrationEvent("PriceChanged", "catalog", List.of(), null, List.of(Field.parse("productId:UUID"),
                Field.parse("price:BigDecimal"), Field.parse("tags:List<String>"), Field.parse("count:int")))
                .writeInto(fixture.layout());

        String file = ProjectFixture.contractPath("catalog", "PriceChanged");
        assertThat(fixture.read(file))
                .contains("import java.math.BigDecimal;\nimport java.util.List;\nimport java.util.Objects;\nimport java.util.UUID;")
                .contains("public record PriceChanged(UUID productId, BigDecimal price, List<String> tags, int count)")
                .doesNotContain("requireNonNull(count");
        assertThat(Compilation.errorsOf(List.of(root.resolve(file)), classes, List.of())).isEmpty();
    }

    @Test
    void aNameNotInThePastTense_isRefused_beforeAnythingIsWritten() {
        String manifest = fixture.read("integration-events.yaml");

        assertThatThrownBy(() -> new NewIntegrationEvent("ProductDiscontinue", "catalog", List.of(), null, List.of())
                .writeInto(fixture.layout()))
                .isInstanceOf(GenerationRefused.class)
                .hasMessage("ProductDiscontinue is not in the past tense: Discontinue is not a past participle: an integration "
                        + "event says what happened, in the past tense, without a suffix (e.g. ProductDiscontinued, "
                        + "OrderShipped, PaymentSent)");
        assertThat(fixture.read("integration-events.yaml")).isEqualTo(manifest);
    }

    @Test
    void anEventSuffix_isRefused() {
        assertThatThrownBy(() -> new NewIntegrationEvent("ProductDiscontinuedEvent", "catalog", List.of(), null, List.of())
                .writeInto(fixture.layout()))
                .hasMessageStartingWith("ProductDiscontinuedEvent ends with Event, the suffix of internal domain events");
    }

    @Test
    void anUnknownPublisher_aSelfSubscription_andAnExistingEvent_areRefused() {
        assertThatThrownBy(() -> new NewIntegrationEvent("ParcelSent", "shipping", List.of(), null, List.of())
                .writeInto(fixture.layout()))
                .hasMessage("shipping is not a bounded context of integration-events.yaml; known: [catalog, orders]");
        assertThatThrownBy(() -> new NewIntegrationEvent("ProductDiscontinued", "catalog", List.of("catalog"), null, List.of())
                .writeInto(fixture.layout()))
                .hasMessageStartingWith("catalog cannot subscribe to its own event");
        assertThatThrownBy(() -> new NewIntegrationEvent("ProductAdded", "catalog", List.of(), null, List.of())
                .writeInto(fixture.layout()))
                .hasMessageStartingWith("ProductAdded is already in integration-events.yaml");
    }
}
