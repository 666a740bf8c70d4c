package org.acme.integrationevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.integrationevents.catalog.RemoveProductRejected;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private static final UUID ID = UUID.fromString("5b0c7ff8-8a4f-4a57-9f5e-3b1c2a1d0e11");
    private static final UUID PRODUCT = UUID.fromString("0d7e2c9a-1f3b-4c5d-8e6f-7a8b9c0d1e2f");
    private static final Instant AT = Instant.parse("2026-11-26T20:47:35.123456Z");

    private static Envelope productAdded() {
        return Envelope.wrap(ID, AT, new ProductAdded(PRODUCT, "Laptop", new BigDecimal("12.50"), "computers"),
                EnvelopeMetadata.from("catalog")
                        .aggregate("Product", PRODUCT, 1L)
                        .command("AddProduct", "cmd-1")
                        .correlation("corr-1", "cmd-1"));
    }

    @Test
    void anEnvelope_survivesTheRoundTrip() throws Exception {
        Envelope envelope = productAdded();

        Envelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(EnvelopeCodec.payload(decoded, ProductAdded.class))
                .isEqualTo(new ProductAdded(PRODUCT, "Laptop", new BigDecimal("12.50"), "computers"));
    }

    @Test
    void theWireShape_isTheArchitecturesEnvelope() {
        JsonNode json = EnvelopeCodec.readTree(EnvelopeCodec.encodeToString(productAdded()));

        assertThat(json.get("id").asText()).isEqualTo(ID.toString());
        assertThat(json.get("type").asText()).isEqualTo("ProductAdded");
        assertThat(json.get("kind").asText()).isEqualTo("integration");
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-26T20:47:35.123Z");
        assertThat(json.get("payload").get("price").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(json.get("payload").get("price").toString()).isEqualTo("12.50");
        JsonNode metadata = json.get("metadata");
        assertThat(metadata.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(metadata.get("outcome").asText()).isEqualTo("accepted");
        assertThat(metadata.get("publisher").asText()).isEqualTo("catalog");
        assertThat(metadata.get("aggregateType").asText()).isEqualTo("Product");
        assertThat(metadata.get("aggregateId").asText()).isEqualTo(PRODUCT.toString());
        assertThat(metadata.get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(metadata.get("commandType").asText()).isEqualTo("AddProduct");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-1");
        assertThat(metadata.get("causationId").asText()).isEqualTo("cmd-1");
        assertThat(metadata.has("expectedVersion")).isTrue();
        assertThat(metadata.get("expectedVersion").isNull()).isTrue();
        assertThat(metadata.get("currentVersion").isNull()).isTrue();
    }

    @Test
    void theRoutingKey_namesTypeAndVersion() {
        assertThat(productAdded().routingKey()).isEqualTo("ProductAdded.v2");
    }

    @Test
    void aRejection_travelsInTheSameEnvelope_withOutcomeRejected() {
        Envelope envelope = Envelope.wrap(ID, AT, new RemoveProductRejected(PRODUCT, "already removed"),
                EnvelopeMetadata.from("catalog").aggregate("Product", PRODUCT, 2L).versions(null, 2L));

        JsonNode json = EnvelopeCodec.readTree(EnvelopeCodec.encodeToString(envelope));

        assertThat(json.get("type").asText()).isEqualTo("RemoveProductRejected");
        assertThat(json.get("metadata").get("outcome").asText()).isEqualTo("rejected");
        assertThat(json.get("metadata").get("currentVersion").asLong()).isEqualTo(2);
        assertThat(json.get("payload").get("reason").asText()).isEqualTo("already removed");
    }

    @Test
    void brokenJson_isMalformed() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"id\": oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelope.class);
    }

    @Test
    void anEnvelopeWithoutType_isMalformed_andSaysWhy() {
        String json = EnvelopeCodec.encodeToString(productAdded()).replace("\"type\":\"ProductAdded\",", "");

        assertThatThrownBy(() -> EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelope.class)
                .hasMessageContaining("type is required");
    }

    @Test
    void aPayloadMissingARequiredField_isMalformed_andNamesTheContract() throws Exception {
        String json = EnvelopeCodec.encodeToString(productAdded()).replace("\"name\":\"Laptop\",", "");
        Envelope envelope = EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EnvelopeCodec.payload(envelope, ProductAdded.class))
                .isInstanceOf(MalformedEnvelope.class)
                .hasMessageContaining("ProductAdded v2")
                .hasMessageContaining("name");
    }

    @Test
    void unknownPayloadFields_areIgnored_soPublishersCanAddOptionalFields() throws Exception {
        String json = EnvelopeCodec.encodeToString(productAdded()).replace("\"name\":\"Laptop\"", "\"name\":\"Laptop\",\"colour\":\"red\"");

        Envelope envelope = EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(EnvelopeCodec.payload(envelope, ProductAdded.class).name()).isEqualTo("Laptop");
    }

    @Test
    void aClassWithoutContract_cannotBeWrapped() {
        record Unnamed(String value) implements IntegrationEvent {
        }
        assertThatThrownBy(() -> Contracts.of(Unnamed.class)).hasMessageContaining("without @Contract");
    }
}
