package org.acme.catalog.addproduct;

import static org.acme.catalog.CatalogApi.aLaptop;
import static org.acme.catalog.CatalogApi.add;
import static org.acme.catalog.CatalogApi.added;
import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.acme.infrastructure.testing.Callers.anonymous;
import static org.acme.infrastructure.testing.QueueProbe.bodyContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.processes.LocalTokens;
import org.acme.integrationevents.EnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AddProductApiTest {

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads the event store directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private QueueProbe productAdded;

    @BeforeEach
    void listen() throws Exception {
        productAdded = QueueProbe.on("catalog", "ProductAdded.*");
    }

    @AfterEach
    void stopListening() throws Exception {
        productAdded.close();
    }

    @Test
    void addProduct_answersCreated_withLocation_ETag_andTheProduct() {
        Map<String, Object> laptop = aLaptop();

        add(laptop)
                .statusCode(201)
                .header("Location", matchesPattern(".*/products/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo(laptop.get("name")))
                .body("price", equalTo(999.50f))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
    }

    @Test
    void addProduct_withoutAToken_fails_withUnauthorized_asAProblem() {
        anonymous().contentType(ContentType.JSON).body(aLaptop()).when().post("/products")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://acme.org/problems/unauthenticated"));
    }

    @Test
    void addProduct_withATokenThatDoesNotVerify_fails_withUnauthorized_asAProblem() {
        String token = LocalTokens.everyRole("mallory");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkIGJ5IG5vIG9uZQ";

        anonymous().auth().oauth2(forged).contentType(ContentType.JSON).body(aLaptop()).when().post("/products")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void addProduct_withARoleThatMayNotEditTheCatalog_fails_withForbidden_asAProblem() {
        aCaller("alice", "customer", "warehouse-clerk").contentType(ContentType.JSON).body(aLaptop()).when().post("/products")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://acme.org/problems/forbidden"));
    }

    @Test
    void addProduct_recordsTheTokensSubject_asTheActorOfItsDomainEvents() throws SQLException {
        UUID id = UUID.fromString(aCaller("editor-ada", "catalog-editor").contentType(ContentType.JSON).body(aLaptop())
                .when().post("/products").then().statusCode(201).extract().path("id"));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT metadata->>'actor' FROM events WHERE stream_id = ?")) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("editor-ada");
            }
        }
    }

    @Test
    void addProduct_publishesExactlyOneProductAdded_inTheEnvelope_withoutInternalFields() {
        String correlationId = "add-" + UUID.randomUUID();
        Map<String, Object> laptop = aLaptop();
        UUID id = UUID.fromString(aTrustedClient().contentType(ContentType.JSON).header("X-Correlation-Id", correlationId)
                .body(laptop).when().post("/products")
                .then().statusCode(201).header("X-Correlation-Id", correlationId).extract().path("id"));
        UUID next = added(aLaptop()); // published after the first: once it arrives, a duplicate of the first would have too

        productAdded.await(bodyContains(next.toString()), 1, PATIENCE);
        List<QueueProbe.Received> messages = productAdded.matching(bodyContains(id.toString()));
        assertThat(messages).hasSize(1);
        QueueProbe.Received message = messages.get(0);
        JsonNode envelope = EnvelopeCodec.readTree(message.body());

        assertThat(message.routingKey()).isEqualTo("ProductAdded.v2");
        assertThat(message.properties().getMessageId()).isEqualTo(envelope.get("id").asText());
        assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(message.properties().getContentType()).isEqualTo("application/json");
        assertThat(message.properties().getType()).isEqualTo("ProductAdded");
        assertThat(envelope.get("type").asText()).isEqualTo("ProductAdded");
        assertThat(envelope.get("kind").asText()).isEqualTo("integration");
        assertThat(envelope.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode metadata = envelope.get("metadata");
        assertThat(metadata.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(metadata.get("outcome").asText()).isEqualTo("accepted");
        assertThat(metadata.get("publisher").asText()).isEqualTo("catalog");
        assertThat(metadata.get("aggregateType").asText()).isEqualTo("Product");
        assertThat(metadata.get("aggregateId").asText()).isEqualTo(id.toString());
        assertThat(metadata.get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(metadata.get("commandType").asText()).isEqualTo("AddProduct");
        assertThat(metadata.get("commandId").asText()).isNotBlank();
        assertThat(metadata.get("expectedVersion").isNull()).as("no If-Match: no version required").isTrue();
        assertThat(metadata.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(metadata.get("causationId").asText()).isEqualTo(metadata.get("commandId").asText());
        JsonNode payload = envelope.get("payload");
        Set<String> fields = StreamSupport.stream(((Iterable<String>) payload::fieldNames).spliterator(), false)
                .collect(Collectors.toSet());
        assertThat(fields).containsExactlyInAnyOrder("productId", "name", "price", "category");
        assertThat(payload.get("category").asText()).isEqualTo("computers");
        assertThat(payload.get("price").decimalValue()).isEqualByComparingTo("999.50");
        assertThat(message.body()).doesNotContain("ACME Supplies", "negotiated", "14 inch", "cost", "supplier", "internalNotes");
    }

    @Test
    void addProduct_fails_withBadRequest_namingEveryInvalidField() {
        aTrustedClient().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "price", -1, "cost", 1.234))
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "price", "cost"));
    }

    @Test
    void addProduct_fails_withBadRequest_whenThePriceIsMissing() {
        aTrustedClient().contentType(ContentType.JSON)
                .body(Map.of("name", "Pen"))
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("price"));
    }

    @Test
    void addProduct_fails_withBadRequest_whenThePriceIsNotANumber() {
        aTrustedClient().contentType(ContentType.JSON)
                .body("{\"name\":\"Pen\",\"price\":\"cheap\"}")
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("price"));
    }

    @Test
    void addProduct_fails_withBadRequest_forMalformedJson() {
        aTrustedClient().contentType(ContentType.JSON)
                .body("{\"name\": \"Pen\",")
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void addProduct_fails_withBadRequest_withoutABody() {
        aTrustedClient().contentType(ContentType.JSON)
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aCorrelationId_isMadeWhenAbsent_andEchoed() {
        add(aLaptop()).statusCode(201).header("X-Correlation-Id", notNullValue());
    }

    @Test
    void aMalformedCorrelationId_isRefused_namingTheHeader() {
        aTrustedClient().contentType(ContentType.JSON).header("X-Correlation-Id", "spaces are not allowed")
                .body(aLaptop())
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Correlation-Id"))
                .body("type", startsWith("https://"));
    }
}
