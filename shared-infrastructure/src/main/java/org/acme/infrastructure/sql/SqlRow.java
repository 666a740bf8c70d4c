package org.acme.infrastructure.sql;

import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.util.UUID;

/** One row of a native query, read by column index as PostgreSQL's types come back from the reactive client. */
public record SqlRow(Object[] values) {

    public String text(int column) {
        return (String) values[column];
    }

    public long number(int column) {
        return ((Number) values[column]).longValue();
    }

    /** An {@code integer} column that may be null. */
    public Integer integerOrNull(int column) {
        return values[column] == null ? null : ((Number) values[column]).intValue();
    }

    /** A {@code numeric} column (the client reads it as its own {@link Numeric}), null as null. */
    public BigDecimal decimal(int column) {
        return values[column] instanceof Numeric numeric ? numeric.bigDecimalValue() : (BigDecimal) values[column];
    }

    public boolean flag(int column) {
        return (Boolean) values[column];
    }

    public UUID uuid(int column) {
        return (UUID) values[column];
    }
}
