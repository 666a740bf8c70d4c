package org.acme.catalog;

import static org.acme.infrastructure.testing.Callers.aTrustedClient;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The catalog's HTTP API in the words of its tests. */
public final class CatalogApi {

    private CatalogApi() {
    }

    /** A valid body with every field, internal ones included. */
    public static Map<String, Object> aLaptop() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Laptop " + UUID.randomUUID());
        body.put("description", "14 inch, 16 GB");
        body.put("price", 999.50);
        body.put("cost", 700.00);
        body.put("supplier", "ACME Supplies Ltd");
        body.put("internalNotes", "negotiated until March");
        body.put("category", "computers");
        return body;
    }

    public static ValidatableResponse add(Map<String, Object> body) {
        return aTrustedClient().contentType(ContentType.JSON).body(body).when().post("/products").then();
    }

    /** Adds a product and answers its id. */
    public static UUID added(Map<String, Object> body) {
        return UUID.fromString(add(body).statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse update(UUID id, String ifMatch, Map<String, Object> body) {
        var request = aTrustedClient().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/products/{id}", id).then();
    }

    public static ValidatableResponse remove(UUID id, String ifMatch) {
        var request = aTrustedClient();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().delete("/products/{id}", id).then();
    }

    public static ValidatableResponse get(UUID id) {
        return aTrustedClient().when().get("/products/{id}", id).then();
    }
}
