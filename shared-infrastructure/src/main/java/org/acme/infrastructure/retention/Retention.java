package org.acme.infrastructure.retention;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.acme.infrastructure.operations.IntegrationEventMetrics;
import org.acme.infrastructure.outbox.OutboxConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets what is kept only for a while, every {@code integration-events.retention.interval}
 * (10 min, the first one interval after start): outbox rows published more than {@code integration-events.outbox.retention} ago (7 days:
 * a replay source), inbox rows older than {@code integration-events.inbox.retention} (14 days: a
 * redelivery or a redrive older than that is applied again — the documented limit), and
 * Idempotency-Keys older than {@code integration-events.idempotency.retention} (24 h). In batches of
 * {@value #BATCH} rows, each one statement and its own short transaction, so that no command, relay or
 * subscriber waits behind it; several instances purging at once only share the work.
 */
@ApplicationScoped
public class Retention {

    static final int BATCH = 1_000;
    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** A table, its key columns, the column its rows age by, how long they are kept, and which rows may go. */
    record Kept(String table, String key, String agedBy, Duration retention, String only) {
    }

    private final Pool pool;
    private final IntegrationEventMetrics metrics;
    private final List<Kept> kept;

    public Retention(Pool pool, IntegrationEventMetrics metrics, OutboxConfig outbox,
                     @ConfigProperty(name = "integration-events.inbox.retention", defaultValue = "336h") Duration inbox,
                     @ConfigProperty(name = "integration-events.idempotency.retention", defaultValue = "24h") Duration idempotency) {
        this.pool = pool;
        this.metrics = metrics;
        this.kept = List.of(
                new Kept("outbox", "position", "published_at", outbox.retention(), "published_at IS NOT NULL"),
                new Kept("inbox", "subscriber, event_id", "received_at", inbox, "true"),
                new Kept("idempotency_keys", "caller, key", "created_at", idempotency, "true"));
    }

    @Scheduled(every = "${integration-events.retention.interval:10m}", delayed = "${integration-events.retention.interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeWhenDue() {
        return purge().onFailure().invoke(failure -> LOG.warnf("retention: cannot purge now, next time: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Purges every table past its retention, batch after batch; answers the rows deleted in all. */
    public Uni<Long> purge() {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (Kept table : kept) {
            total = total.chain(sofar -> purge(table, 0).onItem().transform(purged -> sofar + purged));
        }
        return total;
    }

    private Uni<Long> purge(Kept table, long purgedSoFar) {
        String statement = "DELETE FROM " + table.table() + " WHERE (" + table.key() + ") IN (SELECT " + table.key() + " FROM "
                + table.table() + " WHERE " + table.only() + " AND " + table.agedBy() + " < now() - make_interval(secs => $1)"
                + " LIMIT " + BATCH + ")";
        return pool.preparedQuery(statement).execute(Tuple.of(table.retention().toMillis() / 1000.0))
                .onItem().transform(result -> (long) result.rowCount())
                .chain(deleted -> {
                    if (deleted > 0) {
                        metrics.purged(table.table(), deleted);
                    }
                    return deleted < BATCH ? Uni.createFrom().item(purgedSoFar + deleted) : purge(table, purgedSoFar + deleted);
                })
                .invoke(purged -> {
                    if (purged > 0 && purgedSoFar == 0) {
                        LOG.infof("retention: purged %d rows of %s older than %s", purged, table.table(), table.retention());
                    }
                });
    }
}
