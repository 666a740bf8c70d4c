package org.acme.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.acme.contracts.ProjectFixture;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.manifest.EventEntry;
import org.acme.contracts.manifest.Manifest;
import org.acme.contracts.manifest.ManifestFile;
import org.acme.contracts.validation.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiDocumentTest {

    @TempDir
    Path root;

    private ProjectFixture fixture;
    private Manifest manifest;

    @BeforeEach
    void aRepository() {
        fixture = ProjectFixture.valid(root);
        manifest = ManifestFile.parse(ProjectFixture.MANIFEST)
                .withEvent(new EventEntry("PlaceOrderRejected", "orders", List.of("catalog"), 1, "Orders refused an order."));
    }

    @Test
    void eachPublisher_hasItsTopicExchange_andEachSubscriber_itsQueue() throws Exception {
        JsonNode channels = document().get("channels");

        assertThat(channels.fieldNames()).toIterable()
                .containsExactly("catalogEvents", "catalogIntegrationEvents", "ordersEvents", "ordersIntegrationEvents");
        assertThat(channels.at("/catalogEvents/address").asText()).isEqualTo("catalog.events");
        assertThat(channels.at("/catalogEvents/bindings/amqp/is").asText()).isEqualTo("routingKey");
        assertThat(channels.at("/catalogEvents/bindings/amqp/exchange/type").asText()).isEqualTo("topic");
        assertThat(channels.at("/catalogEvents/bindings/amqp/exchange/durable").asBoolean()).isTrue();
        assertThat(channels.at("/ordersIntegrationEvents/address").asText()).isEqualTo("orders.integration-events");
        assertThat(channels.at("/ordersIntegrationEvents/bindings/amqp/queue/durable").asBoolean()).isTrue();
        assertThat(channels.at("/ordersIntegrationEvents/messages/ProductAddedV1/$ref").asText())
                .isEqualTo("#/components/messages/ProductAddedV1");
    }

    @Test
    void thePublisherSends_onItsRoutingKey_persistently_andEachSubscriberReceives_fromItsQueue() throws Exception {
        JsonNode operations = document().get("operations");

        JsonNode send = operations.get("catalogPublishesProductAdded");
        assertThat(send.get("action").asText()).isEqualTo("send");
        assertThat(send.at("/channel/$ref").asText()).isEqualTo("#/channels/catalogEvents");
        assertThat(send.at("/bindings/amqp/cc/0").asText()).isEqualTo("ProductAdded.v1");
        assertThat(send.at("/bindings/amqp/deliveryMode").asInt()).isEqualTo(2);
        JsonNode receive = operations.get("ordersReceivesProductAdded");
        assertThat(receive.get("action").asText()).isEqualTo("receive");
        assertThat(receive.at("/channel/$ref").asText()).isEqualTo("#/channels/ordersIntegrationEvents");
        assertThat(receive.at("/messages/0/$ref").asText()).isEqualTo("#/channels/ordersIntegrationEvents/messages/ProductAddedV1");
        assertThat(operations.has("catalogReceivesPlaceOrderRejected")).isTrue();
    }

    @Test
    void aMessage_isTheEnvelope_whosePayloadIsTheCommittedSchema() throws Exception {
        JsonNode message = document().at("/components/messages/ProductAddedV1");

        assertThat(message.get("contentType").asText()).isEqualTo("application/json");
        assertThat(message.get("x-routing-key").asText()).isEqualTo("ProductAdded.v1");
        JsonNode envelope = message.get("payload");
        assertThat(envelope.get("required").toString()).isEqualTo("[\"id\",\"type\",\"kind\",\"timestamp\",\"payload\",\"metadata\"]");
        assertThat(envelope.at("/properties/type/const").asText()).isEqualTo("ProductAdded");
        assertThat(envelope.at("/properties/payload/$ref").asText())
                .isEqualTo("../shared-integration-events/src/main/resources/schemas/catalog/ProductAdded.v1.schema.json");
        assertThat(envelope.at("/properties/metadata/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/EnvelopeMetadata");
        assertThat(envelope.at("/properties/metadata/allOf/1/properties/schemaVersion/const").asInt()).isEqualTo(1);
        assertThat(envelope.at("/properties/metadata/allOf/1/properties/outcome/const").asText()).isEqualTo("accepted");
        assertThat(document().at("/components/messages/PlaceOrderRejectedV1/payload/properties/metadata/allOf/1/properties"
                + "/outcome/const").asText()).isEqualTo("rejected");
        assertThat(document().at("/components/schemas/EnvelopeMetadata/required")).hasSize(12);
    }

    @Test
    void theDocument_doesNotDependOnTheManifestsOrder() {
        List<EventEntry> events = new ArrayList<>(manifest.events());
        Collections.reverse(events);
        List<BoundedContext> contexts = new ArrayList<>(manifest.contexts());
        Collections.reverse(contexts);

        assertThat(AsyncApiDocument.render(new Manifest(List.of(), contexts, events), fixture.layout()))
                .isEqualTo(AsyncApiDocument.render(manifest, fixture.layout()));
    }

    @Test
    void aDocumentThatIsNotWhatTheManifestGives_isStale() {
        assertThat(AsyncApiDocument.staleness(manifest, fixture.layout())).map(Violation::toString)
                .contains("[asyncapi-stale] docs/asyncapi.yaml: is missing. Fix: run ./contracts generate asyncapi and commit "
                        + "the file.");

        AsyncApiDocument.write(manifest, fixture.layout());
        assertThat(AsyncApiDocument.staleness(manifest, fixture.layout())).isEmpty();

        Manifest changed = manifest.withSubscriber("OrderPlaced", "catalog");
        assertThat(AsyncApiDocument.staleness(changed, fixture.layout())).map(Violation::toString)
                .contains("[asyncapi-stale] docs/asyncapi.yaml: is not what integration-events.yaml and the schemas give now. "
                        + "Fix: run ./contracts generate asyncapi and commit the file.");
    }

    private JsonNode document() throws Exception {
        return new YAMLMapper().readTree(AsyncApiDocument.render(manifest, fixture.layout()));
    }
}
