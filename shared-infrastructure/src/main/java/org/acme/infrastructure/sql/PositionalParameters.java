package org.acme.infrastructure.sql;

/**
 * The project writes its SQL's parameters as {@code ?}, as JDBC and Hibernate do; PostgreSQL's own
 * protocol, which the reactive client speaks, numbers them: {@code $1}, {@code $2}, …
 */
final class PositionalParameters {

    private PositionalParameters() {
    }

    /** The statement with each {@code ?} outside quotes numbered in turn. */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int parameter = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                numbered.append('$').append(++parameter);
                continue;
            }
            numbered.append(c);
        }
        return numbered.toString();
    }
}
