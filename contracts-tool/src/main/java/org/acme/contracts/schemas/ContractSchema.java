package org.acme.contracts.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.acme.contracts.repository.RepositoryLayout;
import org.acme.integrationevents.Contracts;

/**
 * The JSON Schema (draft 2020-12) of one version of a contract's payload, read from the record by
 * reflection. Version-1 fields are required and never null; a field added later ({@code @Since(n)})
 * is optional and may be null, as an older publisher leaves it out and a newer one may send null.
 * Other properties are allowed, so that a consumer tolerates what a newer version adds.
 */
public final class ContractSchema {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, short.class, byte.class, Integer.class,
            Long.class, Short.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(BigDecimal.class, double.class, float.class, Double.class, Float.class);

    private ContractSchema() {
    }

    public static ObjectNode of(EventContract contract, int version) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", idOf(contract.publisher(), contract.name(), version));
        schema.put("title", contract.label(version));
        schema.put("description", contract.description());
        schema.setAll(objectOf(contract.record(), version, contract.name()));
        return schema;
    }

    /** A name, not a place: the schema is found on the classpath by {@link RepositoryLayout#schemaResource}. */
    static String idOf(String publisher, String type, int version) {
        return "urn:acme:integration-events:" + publisher + ":" + type + ":v" + version;
    }

    private static ObjectNode objectOf(Class<?> record, int version, String where) {
        ObjectNode object = JSON.objectNode().put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            int since = Contracts.sinceVersion(component);
            if (since > version) {
                continue;
            }
            ObjectNode property = typeOf(component.getGenericType(), where + "." + component.getName(), version);
            if (since == 1) {
                required.add(component.getName());
            } else if (!component.getType().isPrimitive()) {
                allowNull(property);
            }
            properties.set(component.getName(), property);
        }
        object.set("required", required);
        object.put("additionalProperties", true);
        return object;
    }

    private static ObjectNode typeOf(Type type, String where, int version) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", typeOf(arguments[0], where + "[]", version));
                return array;
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", typeOf(arguments[1], where + "{}", version));
                return map;
            }
        }
        if (!(type instanceof Class<?> plain)) {
            throw new IllegalArgumentException(where + " has type " + type.getTypeName() + ", which no JSON Schema maps");
        }
        if (plain == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (plain == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (plain == Instant.class || plain == OffsetDateTime.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (plain == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (INTEGERS.contains(plain)) {
            return JSON.objectNode().put("type", "integer");
        }
        if (NUMBERS.contains(plain)) {
            return JSON.objectNode().put("type", "number");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (plain.isEnum()) {
            ObjectNode enumeration = JSON.objectNode().put("type", "string");
            ArrayNode values = enumeration.putArray("enum");
            for (Object constant : plain.getEnumConstants()) {
                values.add(wireName((Enum<?>) constant));
            }
            return enumeration;
        }
        if (plain.isRecord()) {
            return objectOf(plain, version, where);
        }
        throw new IllegalArgumentException(where + " has type " + plain.getName()
                + ", which no JSON Schema maps: use a record, a String, a UUID, a number, a boolean, an enum or a List of them");
    }

    /** The name Jackson writes for an enum constant. */
    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static void allowNull(ObjectNode property) {
        String type = property.path("type").asText();
        ArrayNode types = JSON.arrayNode().add(type).add("null");
        property.set("type", types);
        if (property.has("enum")) {
            ((ArrayNode) property.get("enum")).addNull();
        }
    }
}
