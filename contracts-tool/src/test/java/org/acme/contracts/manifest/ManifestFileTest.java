package org.acme.contracts.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.acme.contracts.ProjectFixture;
import org.acme.contracts.RealRepository;
import org.junit.jupiter.api.Test;

class ManifestFileTest {

    @Test
    void aManifest_isWrittenBack_byteForByte() {
        assertThat(ManifestFile.render(ManifestFile.parse(ProjectFixture.MANIFEST))).isEqualTo(ProjectFixture.MANIFEST);
    }

    @Test
    void theRealManifest_survivesARewrite_unchanged_inMeaning() {
        Manifest real = ManifestFile.read(RealRepository.layout().manifest());

        assertThat(ManifestFile.parse(ManifestFile.render(real))).isEqualTo(real);
        assertThat(real.header()).isNotEmpty();
        assertThat(real.event("ProductAdded")).map(EventEntry::version).contains(2);
    }

    @Test
    void aNewEvent_goesAfterItsPublishersEvents_andIntoItsContextsLists() {
        Manifest manifest = ManifestFile.parse(ProjectFixture.MANIFEST)
                .withEvent(new EventEntry("ProductRemoved", "catalog", List.of("orders"), 1, "A product was removed."));

        assertThat(manifest.events()).extracting(EventEntry::name).containsExactly("ProductAdded", "ProductRemoved", "OrderPlaced");
        assertThat(manifest.context("catalog").orElseThrow().publishes()).containsExactly("ProductAdded", "ProductRemoved");
        assertThat(manifest.context("orders").orElseThrow().subscribes()).containsExactly("ProductAdded", "ProductRemoved");
    }

    @Test
    void aNewSubscriber_isAddedOnce_toTheEventAndToItsContext() {
        Manifest manifest = ManifestFile.parse(ProjectFixture.MANIFEST)
                .withSubscriber("OrderPlaced", "catalog")
                .withSubscriber("OrderPlaced", "catalog");

        assertThat(manifest.event("OrderPlaced").orElseThrow().subscribers()).containsExactly("catalog");
        assertThat(manifest.context("catalog").orElseThrow().subscribes()).containsExactly("OrderPlaced");
    }

    @Test
    void descriptions_thatYamlWouldMisread_areQuoted_andReadBackTheSame() {
        Manifest manifest = ManifestFile.parse(ProjectFixture.MANIFEST)
                .withEvent(new EventEntry("PriceSet", "catalog", List.of(), 1, "price: now # not a comment"))
                .withEvent(new EventEntry("StockCounted", "orders", List.of(), 1, "- \"yes\""));

        String yaml = ManifestFile.render(manifest);

        assertThat(yaml).contains("description: \"price: now # not a comment\"", "description: \"- \\\"yes\\\"\"");
        assertThat(ManifestFile.parse(yaml)).isEqualTo(manifest);
    }

    @Test
    void anEventWithoutPublisher_isRefused_withWhereItIs() {
        assertThatThrownBy(() -> ManifestFile.parse("integration_events:\n  ProductAdded:\n    version: 1\n"))
                .isInstanceOf(InvalidManifest.class)
                .hasMessage("integration-events.yaml: event ProductAdded needs a publisher");
    }
}
