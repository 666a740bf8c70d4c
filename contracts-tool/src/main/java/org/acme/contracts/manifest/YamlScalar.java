package org.acme.contracts.manifest;

import java.util.List;
import java.util.regex.Pattern;

/** Writes YAML scalars plain when that reads back as the same string, double-quoted otherwise. */
final class YamlScalar {

    /** Starts like YAML syntax, or holds a sequence that YAML reads as structure or a comment. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile(
            "^$|^[-?:,\\[\\]{}#&*!|>'\"%@`\\s].*|.*\\s$|.*: .*|.*:$|.* #.*|.*[\\n\\t\\r].*");
    /** Words and numbers YAML would read as something other than a string. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)~|null|true|false|yes|no|on|off|[-+]?[0-9][0-9_.eE+-]*|\\.inf|\\.nan");
    /** Inside a flow list a comma or bracket ends the item. */
    private static final Pattern FLOW_UNSAFE = Pattern.compile(".*[,\\[\\]{}].*");

    private YamlScalar() {
    }

    static String of(String value) {
        return NEEDS_QUOTES.matcher(value).matches() || NOT_A_STRING.matcher(value).matches() ? quoted(value) : value;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }

    static String flowList(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String value = values.get(i);
            out.append(FLOW_UNSAFE.matcher(value).matches() ? quoted(value) : of(value));
        }
        return out.append(']').toString();
    }
}
