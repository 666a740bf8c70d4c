package org.acme.contracts.generate;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The imports a type as written needs, for the JDK types a contract is made of. */
final class JavaTypes {

    private static final Map<String, String> KNOWN = Map.of(
            "UUID", "java.util.UUID",
            "BigDecimal", "java.math.BigDecimal",
            "BigInteger", "java.math.BigInteger",
            "Instant", "java.time.Instant",
            "LocalDate", "java.time.LocalDate",
            "List", "java.util.List",
            "Set", "java.util.Set",
            "Map", "java.util.Map");

    private JavaTypes() {
    }

    static Set<String> importsOf(String type) {
        Set<String> imports = new TreeSet<>();
        for (String word : type.split("[^A-Za-z0-9_]+")) {
            if (KNOWN.containsKey(word)) {
                imports.add(KNOWN.get(word));
            }
        }
        return imports;
    }
}
