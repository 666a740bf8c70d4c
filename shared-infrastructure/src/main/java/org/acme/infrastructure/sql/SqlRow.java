package org.acme.infrastructure.sql;

import java.util.UUID;

/** One row of a native query, read by column index as PostgreSQL's types come back from the reactive client. */
public record SqlRow(Object[] values) {

    static SqlRow of(Object row) {
        return new SqlRow(row instanceof Object[] columns ? columns : new Object[] {row});
    }

    public String text(int column) {
        return (String) values[column];
    }

    public long number(int column) {
        return ((Number) values[column]).longValue();
    }

    /**
     * A uuid the query returned as text ({@code CAST(... AS text)}): a {@code uuid} column would cost
     * an exception inside Hibernate on every execution (decision 0024).
     */
    public UUID uuid(int column) {
        return values[column] == null ? null : UUID.fromString((String) values[column]);
    }
}
