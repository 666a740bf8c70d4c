package org.acme.contracts.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** How generated code names things after the event it is about. */
final class Names {

    private static final Set<String> KEYWORDS = Set.of("new", "class", "default", "package", "private", "public", "return",
            "static", "switch", "this", "throw", "try", "case", "catch", "do", "else", "for", "if", "int", "long");

    private Names() {
    }

    static List<String> words(String upperCamel) {
        return Arrays.asList(upperCamel.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"));
    }

    /** {@code StockReserved} → {@code reserved}: how the existing subscribers name the decoded event. */
    static String variableFor(String eventName) {
        List<String> words = words(eventName);
        String last = words.get(words.size() - 1).toLowerCase();
        return KEYWORDS.contains(last) || !last.matches("[a-z][a-z0-9]*") ? "event" : last;
    }

    /** {@code ProductDiscontinued} → {@code Product discontinued.} */
    static String sentence(String eventName) {
        List<String> words = words(eventName);
        StringBuilder sentence = new StringBuilder(words.get(0));
        words.stream().skip(1).forEach(word -> sentence.append(' ').append(word.toLowerCase()));
        return sentence.append('.').toString();
    }

    static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static String upperFirst(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
