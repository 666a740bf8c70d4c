package org.acme.contracts.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two object schemas field by field, recursively through nested objects and array items.
 * It knows exactly the vocabulary {@link ContractSchema} writes: type (with or without null), format,
 * enum, items, properties, required.
 */
public final class SchemaDifferences {

    private SchemaDifferences() {
    }

    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        object("", before, after, changes);
        return changes;
    }

    private static void object(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        Set<String> requiredBefore = names(before.path("required"));
        Set<String> requiredAfter = names(after.path("required"));
        JsonNode propertiesBefore = before.path("properties");
        JsonNode propertiesAfter = after.path("properties");
        propertiesBefore.fieldNames().forEachRemaining(name -> {
            String field = path + name;
            if (!propertiesAfter.has(name)) {
                changes.add(new FieldChange(field, FieldChange.Kind.REMOVED, typeOf(propertiesBefore.get(name)), "absent"));
                return;
            }
            property(field, propertiesBefore.get(name), propertiesAfter.get(name), changes);
            if (!requiredBefore.contains(name) && requiredAfter.contains(name)) {
                changes.add(new FieldChange(field, FieldChange.Kind.BECAME_REQUIRED, "optional", "required"));
            } else if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                changes.add(new FieldChange(field, FieldChange.Kind.BECAME_OPTIONAL, "required", "optional"));
            }
        });
        propertiesAfter.fieldNames().forEachRemaining(name -> {
            if (!propertiesBefore.has(name)) {
                changes.add(new FieldChange(path + name, requiredAfter.contains(name)
                        ? FieldChange.Kind.ADDED_REQUIRED : FieldChange.Kind.ADDED_OPTIONAL,
                        "absent", typeOf(propertiesAfter.get(name))));
            }
        });
    }

    private static void property(String field, JsonNode before, JsonNode after, List<FieldChange> changes) {
        String typeBefore = typeOf(before);
        String typeAfter = typeOf(after);
        if (!typeBefore.equals(typeAfter)) {
            changes.add(new FieldChange(field, FieldChange.Kind.TYPE_CHANGED, typeBefore, typeAfter));
            return;
        }
        if (nullable(before) && !nullable(after)) {
            changes.add(new FieldChange(field, FieldChange.Kind.LOST_NULL, "nullable", "not null"));
        } else if (!nullable(before) && nullable(after)) {
            changes.add(new FieldChange(field, FieldChange.Kind.GAINED_NULL, "not null", "nullable"));
        }
        JsonNode itemsBefore = before;
        JsonNode itemsAfter = after;
        String itemsPath = field;
        while (types(itemsBefore).contains("array")) {
            itemsBefore = itemsBefore.path("items");
            itemsAfter = itemsAfter.path("items");
            itemsPath += "[]";
        }
        if (types(itemsBefore).contains("object") && (itemsBefore.has("properties") || itemsAfter.has("properties"))) {
            object(itemsPath + ".", itemsBefore, itemsAfter, changes);
        }
    }

    /** A type as a person reads it: {@code string (uuid)}, {@code array of object}, {@code string one of [A, B]}. */
    static String typeOf(JsonNode property) {
        Set<String> types = types(property);
        types.remove("null");
        String type = types.size() == 1 ? types.iterator().next() : String.join(" or ", types);
        if (property.has("format")) {
            type += " (" + property.get("format").asText() + ")";
        }
        if (property.has("enum")) {
            Set<String> values = new TreeSet<>();
            property.get("enum").forEach(value -> {
                if (!value.isNull()) {
                    values.add(value.asText());
                }
            });
            type += " one of " + values;
        }
        if (types.contains("array")) {
            type += " of " + typeOf(property.path("items"));
        }
        return type;
    }

    private static Set<String> types(JsonNode property) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = property.path("type");
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean nullable(JsonNode property) {
        return types(property).contains("null");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
