package org.acme.infrastructure.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.testing.Reactive;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link Sql} runs its statements on the session's connection, past Hibernate's native queries
 * (decision 0025): in the caller's transaction all the same, with the columns as the reactive client
 * reads them, and nothing planned, cached or mapped by Hibernate.
 */
@QuarkusTest
class SqlTest {

    private static final UUID ID = UUID.fromString("6f1c0d1e-8a43-4c2b-9a36-2f1d5e7b9c10");

    @Inject
    Sql sql;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aStatement_isPartOfTheCallersTransaction_rolledBackWithIt() {
        String caller = "sql-test-" + UUID.randomUUID();
        assertThatThrownBy(() -> Reactive.inTransaction(() -> insertKey(caller, "rolled-back")
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the command failed after its statement")))))
                .hasMessageContaining("the command failed after its statement");
        Reactive.inTransaction(() -> insertKey(caller, "committed"));

        List<SqlRow> kept = Reactive.inSession(() -> sql.query("SELECT key FROM idempotency_keys WHERE caller = ?", caller));

        assertThat(kept).extracting(row -> row.text(0)).containsExactly("committed");
    }

    @Test
    void theColumns_comeBackAsTheReactiveClientReadsThem_andAnInstantIsBoundAsATimestamp() {
        Instant at = Instant.parse("2026-12-07T12:00:00.123456Z");

        SqlRow row = Reactive.inSession(() -> sql.query(
                "SELECT CAST(? AS uuid), CAST(? AS bigint), CAST(? AS integer), CAST(? AS text), CAST(? AS timestamptz)",
                ID, 7L, 3, "text", at)).get(0);

        assertThat(row.uuid(0)).isEqualTo(ID);
        assertThat(row.number(1)).isEqualTo(7L);
        assertThat(row.number(2)).isEqualTo(3L);
        assertThat(row.text(3)).isEqualTo("text");
        assertThat(((OffsetDateTime) row.values()[4]).toInstant()).isEqualTo(at);
    }

    @Test
    void aNumericABooleanAndANullInteger_comeBackAsTheirJavaValues() {
        SqlRow row = Reactive.inSession(() -> sql.query(
                "SELECT CAST(? AS numeric(12, 2)), CAST(? AS boolean), CAST(? AS integer), CAST(NULL AS integer),"
                        + " CAST(NULL AS numeric)", new BigDecimal("849.99"), true, 4)).get(0);

        assertThat(row.decimal(0)).isEqualByComparingTo("849.99");
        assertThat(row.flag(1)).isTrue();
        assertThat(row.integerOrNull(2)).isEqualTo(4);
        assertThat(row.integerOrNull(3)).isNull();
        assertThat(row.decimal(4)).isNull();
    }

    @Test
    void aQuestionMarkInQuotes_isNotAParameter() {
        SqlRow row = Reactive.inSession(() -> sql.query("SELECT '?', CAST(? AS integer) AS \"?\"", 5)).get(0);

        assertThat(row.text(0)).isEqualTo("?");
        assertThat(row.number(1)).isEqualTo(5L);
    }

    @Test
    void statements_leaveHibernatesQueryPlanCacheAlone() {
        Statistics statistics = sessions.getStatistics();
        long lookups = statistics.getQueryPlanCacheHitCount() + statistics.getQueryPlanCacheMissCount();

        Reactive.inSession(() -> sql.query("SELECT CAST(? AS integer)", 1));
        Reactive.inTransaction(() -> insertKey("sql-test-" + UUID.randomUUID(), "planned?"));

        assertThat(statistics.getQueryPlanCacheHitCount() + statistics.getQueryPlanCacheMissCount())
                .as("query plan cache lookups").isEqualTo(lookups);
    }

    private Uni<Integer> insertKey(String caller, String key) {
        return sql.update("INSERT INTO idempotency_keys (caller, key, request) VALUES (?, ?, ?)", caller, key, "POST /test");
    }
}
