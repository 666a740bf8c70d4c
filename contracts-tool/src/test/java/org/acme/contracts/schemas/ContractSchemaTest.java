package org.acme.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acme.integrationevents.catalog.ProductAdded;
import org.acme.integrationevents.orders.OrderPlaced;
import org.junit.jupiter.api.Test;

class ContractSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productAdded_v1_requiresItsThreeFields_andHasNoCategory() throws Exception {
        JsonNode schema = ContractSchema.of(new EventContract(ProductAdded.class, "ProductAdded", 2, "catalog", "Added."), 1);

        assertThat(schema).isEqualTo(JSON.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "urn:acme:integration-events:catalog:ProductAdded:v1",
                 "title": "ProductAdded v1", "description": "Added.", "type": "object",
                 "properties": {"productId": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                                "price": {"type": "number"}},
                 "required": ["productId", "name", "price"], "additionalProperties": true}
                """));
    }

    @Test
    void productAdded_v2_addsCategory_optional_andNullable() {
        JsonNode schema = ContractSchema.of(new EventContract(ProductAdded.class, "ProductAdded", 2, "catalog", "Added."), 2);

        assertThat(schema.at("/properties/category").toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(schema.get("required").toString()).isEqualTo("[\"productId\",\"name\",\"price\"]");
        assertThat(schema.get("title").asText()).isEqualTo("ProductAdded v2");
    }

    @Test
    void aListOfNestedRecords_isAnArrayOfObjects() {
        JsonNode schema = ContractSchema.of(new EventContract(OrderPlaced.class, "OrderPlaced", 1, "orders", ""), 1);

        assertThat(schema.at("/properties/lines/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/lines/items/properties/quantity/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/properties/lines/items/required").toString()).isEqualTo("[\"productId\",\"quantity\"]");
        assertThat(schema.at("/properties/lines/items/additionalProperties").asBoolean()).isTrue();
    }

    @Test
    void everyKindOfField_mapsToItsJsonSchemaType() throws Exception {
        JsonNode schema = ContractSchema.of(new EventContract(PlantedRecords.Everything.class, "Everything", 2, "test", ""), 2);

        assertThat(schema.get("properties")).isEqualTo(JSON.readTree("""
                {"id": {"type": "string", "format": "uuid"},
                 "text": {"type": "string"},
                 "amount": {"type": "number"},
                 "count": {"type": "integer"},
                 "total": {"type": "integer"},
                 "boxed": {"type": "integer"},
                 "flag": {"type": "boolean"},
                 "at": {"type": "string", "format": "date-time"},
                 "outcome": {"type": "string", "enum": ["accepted", "rejected"]},
                 "parts": {"type": "array", "items": {"type": "object",
                     "properties": {"partId": {"type": "string", "format": "uuid"}, "quantity": {"type": "integer"}},
                     "required": ["partId", "quantity"], "additionalProperties": true}},
                 "tags": {"type": "array", "items": {"type": "string"}},
                 "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                 "extra": {"type": ["object", "null"],
                     "properties": {"partId": {"type": "string", "format": "uuid"}, "quantity": {"type": "integer"}},
                     "required": ["partId", "quantity"], "additionalProperties": true},
                 "added": {"type": "integer"}}
                """));
        assertThat(schema.get("required").toString()).doesNotContain("extra", "added");
    }

    @Test
    void theSchemaFile_isRenderedTheSameWayEveryTime() {
        EventContract contract = new EventContract(ProductAdded.class, "ProductAdded", 2, "catalog", "Added.");

        assertThat(SchemaFiles.render(ContractSchema.of(contract, 2)))
                .isEqualTo(SchemaFiles.render(ContractSchema.of(contract, 2)))
                .startsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n")
                .endsWith("}\n");
    }
}
