package org.acme.e2e.security;

import static org.acme.infrastructure.testing.Callers.aCaller;
import static org.acme.infrastructure.testing.Callers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.acme.e2e.RunningSystem;
import org.acme.e2e.WithRunningSystem;
import org.acme.processes.LocalDatabases;
import org.acme.processes.LocalTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nobody acts anonymously or beyond their role, and who acted is what the token says; operations
 * answer on the management port only.
 */
@WithRunningSystem
class HttpIdentityIT {

    private static RunningSystem system;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
    }

    @Test
    void aCommandWithoutAToken_isRefused401_asAProblem_andNothingIsAdded() throws Exception {
        String name = "Anonymous " + UUID.randomUUID();

        anonymous().baseUri(system.catalog()).contentType(ContentType.JSON).body(Map.of("name", name, "price", 1))
                .post("/products").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");

        assertThat(productsNamed(name)).isZero();
    }

    @Test
    void theDeadLetters_areTheAdministrators_andTheAdministratorRunsNoCommand() {
        String deadLetters = system.management("inventory") + "/dead-letters";

        anonymous().get(deadLetters).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        aCaller("mallory", LocalTokens.ROLES.toArray(String[]::new)).get(deadLetters).then().statusCode(403)
                .contentType("application/problem+json");
        aCaller("olga", "administrator").get(deadLetters).then().statusCode(200);
        aCaller("olga", "administrator").baseUri(system.catalog()).contentType(ContentType.JSON)
                .body(Map.of("name", "Administrator's product", "price", 1)).post("/products").then().statusCode(403);
    }

    @Test
    void aCommandWithATokenOfAnotherKey_isRefused401() {
        String token = LocalTokens.everyRole("mallory");
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1) + "bm90IHNpZ25lZCBieSB0aGUga2V5";

        anonymous().baseUri(system.orders()).auth().oauth2(unsigned).post("/orders/{id}/ship", UUID.randomUUID()).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCommandWithTheWrongRole_isRefused403_asAProblem_andNothingIsAdded() throws Exception {
        String name = "Customer's product " + UUID.randomUUID();

        aCaller("bob", "customer").baseUri(system.catalog()).contentType(ContentType.JSON).body(Map.of("name", name, "price", 1))
                .post("/products").then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("https://acme.org/problems/forbidden"));

        assertThat(productsNamed(name)).isZero();
    }

    @Test
    void theActorOfTheDomainEvents_isTheTokensSubject_whateverHeaderSaysOtherwise() throws Exception {
        UUID product = UUID.fromString(aCaller("editor-ada", "catalog-editor").baseUri(system.catalog())
                .header("X-Actor", "someone-else").contentType(ContentType.JSON).body(Map.of("name", "Ada's lamp", "price", 30))
                .post("/products").then().statusCode(201).extract().path("id"));

        try (Connection catalog = LocalDatabases.asOwner("catalog", RunningSystem.database("catalog"));
             PreparedStatement statement = catalog.prepareStatement("SELECT metadata->>'actor' FROM events WHERE stream_id = ?")) {
            statement.setObject(1, product);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("editor-ada");
            }
        }
    }

    @Test
    void healthAndMetrics_answerOnTheManagementPort_andNotOnThePublicOne() {
        for (String service : new String[] {"catalog", "orders", "inventory"}) {
            String api = service.equals("catalog") ? system.catalog() : service.equals("orders") ? system.orders() : system.inventory();
            for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
                anonymous().baseUri(system.management(service)).get(path).then().statusCode(200);
                assertThat(anonymous().baseUri(api).get(path).statusCode()).as("%s %s on the public port", service, path)
                        .isIn(401, 404);
            }
        }
    }

    private static int productsNamed(String name) throws Exception {
        try (Connection catalog = LocalDatabases.asOwner("catalog", RunningSystem.database("catalog"));
             PreparedStatement statement = catalog.prepareStatement("SELECT count(*) FROM product_catalog WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
