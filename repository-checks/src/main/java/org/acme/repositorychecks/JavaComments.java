package org.acme.repositorychecks;

/**
 * Splits Java source into its comments and its code, each returned at the same offsets as in the
 * source (the other part blanked out, line breaks kept), so that a finding still has its line.
 * String, character and text-block literals are code: a path in a test fixture's string is data,
 * not a citation.
 */
final class JavaComments {

    private JavaComments() {
    }

    static String commentsOnly(String source) {
        return split(source, true);
    }

    static String withoutComments(String source) {
        return split(source, false);
    }

    private static String split(String source, boolean keepComments) {
        StringBuilder kept = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            boolean comment;
            if (source.startsWith("//", i)) {
                end = indexOrEnd(source, "\n", i);
                comment = true;
            } else if (source.startsWith("/*", i)) {
                end = indexOrEnd(source, "*/", i + 2) + 2;
                comment = true;
            } else if (source.startsWith("\"\"\"", i)) {
                end = indexOrEnd(source, "\"\"\"", i + 3) + 3;
                comment = false;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = endOfLiteral(source, i);
                comment = false;
            } else {
                end = i + 1;
                comment = false;
            }
            end = Math.min(end, source.length());
            String part = source.substring(i, end);
            kept.append(comment == keepComments ? part : blank(part));
            i = end;
        }
        return kept.toString();
    }

    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int indexOrEnd(String source, String token, int from) {
        int index = source.indexOf(token, from);
        return index < 0 ? source.length() : index;
    }

    private static String blank(String part) {
        return part.replaceAll("[^\n]", " ");
    }
}
