package org.acme.infrastructure.sql;

import java.util.UUID;

/** One row of a native query, read by column index as PostgreSQL's types come back from the reactive client. */
public record SqlRow(Object[] values) {

    public String text(int column) {
        return (String) values[column];
    }

    public long number(int column) {
        return ((Number) values[column]).longValue();
    }

    public UUID uuid(int column) {
        return (UUID) values[column];
    }
}
