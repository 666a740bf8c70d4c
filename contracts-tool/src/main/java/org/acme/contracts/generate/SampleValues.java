package org.acme.contracts.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java expressions that build a valid example of a contract, for a generated test: the first UUID is
 * the {@code id} the test also uses as the aggregate id, the rest are plain values a reader replaces.
 */
final class SampleValues {

    private static final Pattern COLLECTION = Pattern.compile("(List|Set|Collection)<(.+)>");
    private static final int DEEPEST = 4;

    private final ContractSource contract;
    private final Set<String> imports = new TreeSet<>();
    private boolean idUsed;

    SampleValues(ContractSource contract) {
        this.contract = contract;
    }

    /** {@code new ProductAdded(id, "name", new BigDecimal("1.00"), "category")}. */
    String instance() {
        imports.add(contract.qualifiedName());
        return "new " + contract.className() + "(" + arguments(contract.fields(), 0) + ")";
    }

    Set<String> imports() {
        return imports;
    }

    private String arguments(List<Field> fields, int depth) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            values.add(valueOf(field.type(), field.name(), depth));
        }
        return String.join(", ", values);
    }

    private String valueOf(String type, String name, int depth) {
        Matcher collection = COLLECTION.matcher(type);
        if (collection.matches()) {
            String kind = collection.group(1).equals("Set") ? "Set" : "List";
            imports.add("java.util." + kind);
            return kind + ".of(" + valueOf(collection.group(2).trim(), name, depth + 1) + ")";
        }
        switch (type) {
            case "UUID":
                imports.add("java.util.UUID");
                if (!idUsed) {
                    idUsed = true;
                    return "id";
                }
                return "UUID.randomUUID()";
            case "String":
                return "\"" + name + "\"";
            case "BigDecimal":
                imports.add("java.math.BigDecimal");
                return "new BigDecimal(\"1.00\")";
            case "int", "Integer", "short", "Short":
                return "1";
            case "long", "Long":
                return "1L";
            case "double", "Double":
                return "1.0";
            case "boolean", "Boolean":
                return "true";
            case "Instant":
                imports.add("java.time.Instant");
                return "Instant.parse(\"2026-01-01T00:00:00Z\")";
            default:
                break;
        }
        Optional<ContractSource.UsedRecord> used = depth < DEEPEST ? contract.recordNamed(type) : Optional.empty();
        if (used.isEmpty()) {
            return "null /* a " + type + " */";
        }
        imports.add(used.get().importName());
        return "new " + used.get().written() + "(" + arguments(ContractSource.fieldsOf(used.get().declaration()), depth + 1) + ")";
    }
}
