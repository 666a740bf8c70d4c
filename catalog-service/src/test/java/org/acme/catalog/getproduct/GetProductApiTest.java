package org.acme.catalog.getproduct;

import static org.acme.catalog.CatalogApi.aLaptop;
import static org.acme.catalog.CatalogApi.added;
import static org.acme.catalog.CatalogApi.get;
import static org.acme.catalog.CatalogApi.remove;
import static org.acme.catalog.CatalogApi.update;
import static org.acme.infrastructure.testing.Callers.aTrustedClient;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GetProductApiTest {

    @Test
    void getProduct_answersTheProduct_withItsVersionAsETag() {
        Map<String, Object> laptop = aLaptop();
        UUID id = added(laptop);

        get(id).statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id.toString()))
                .body("name", equalTo(laptop.get("name")))
                .body("supplier", equalTo("ACME Supplies Ltd"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void getProduct_afterAnUpdateAndARemoval_answersWhatEachChanged_atItsVersion() {
        UUID id = added(aLaptop());
        Map<String, Object> changed = aLaptop();
        changed.put("price", 849.99);
        changed.put("supplier", "Other Supplies Ltd");
        update(id, "\"1\"", changed).statusCode(200);

        get(id).statusCode(200).header("ETag", equalTo("\"2\""))
                .body("name", equalTo(changed.get("name")))
                .body("price", equalTo(849.99f))
                .body("supplier", equalTo("Other Supplies Ltd"))
                .body("status", equalTo("ACTIVE"));

        remove(id, "\"2\"").statusCode(204);

        get(id).statusCode(200).header("ETag", equalTo("\"3\""))
                .body("supplier", equalTo("Other Supplies Ltd"))
                .body("status", equalTo("REMOVED"));
    }

    @Test
    void getProduct_ofAnUnknownId_fails_withNotFound() {
        get(UUID.randomUUID()).statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void getProduct_ofSomethingThatIsNoId_fails_withNotFound() {
        aTrustedClient().when().get("/products/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listProducts_leavesRemovedProductsOut() {
        UUID kept = added(aLaptop());
        UUID removed = added(aLaptop());
        remove(removed, null).statusCode(204);

        aTrustedClient().when().get("/products").then().statusCode(200)
                .body("id", hasItem(kept.toString()))
                .body("id", not(hasItem(removed.toString())));
    }
}
