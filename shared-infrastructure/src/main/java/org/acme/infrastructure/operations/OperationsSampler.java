package org.acme.infrastructure.operations;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Counts, every few seconds, what the gauges show and the attention check judges: the outbox rows
 * waiting (and the age of the oldest), the parked ones, the dead letters waiting, and the rows the
 * inbox and the Idempotency-Keys hold (as PostgreSQL's statistics count live rows: no scan). One
 * query per sample, on the pool; a scrape or a probe reads the last sample, never the database.
 */
@ApplicationScoped
public class OperationsSampler {

    /** What the last sample found; {@code at} is when it was taken (null before the first). */
    public record Sample(long unpublished, Duration oldestUnpublished, long parked, long deadLettersWaiting, long inboxRows,
                         long idempotencyKeys, java.time.Instant at) {
    }

    private static final Logger LOG = Logger.getLogger(OperationsSampler.class);
    private static final String SAMPLE = "SELECT"
            + " (SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_reason IS NULL),"
            + " (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) FROM outbox"
            + "    WHERE published_at IS NULL AND parked_reason IS NULL),"
            + " (SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_reason IS NOT NULL),"
            + " (SELECT count(*) FROM dead_letters WHERE state = 'waiting'),"
            + " (SELECT COALESCE(sum(n_live_tup), 0) FROM pg_stat_user_tables WHERE relname = 'inbox'),"
            + " (SELECT COALESCE(sum(n_live_tup), 0) FROM pg_stat_user_tables WHERE relname = 'idempotency_keys')";

    private final Pool pool;
    private final IntegrationEventMetrics metrics;
    private volatile Sample last = new Sample(0, Duration.ZERO, 0, 0, 0, 0, null);

    public OperationsSampler(Pool pool, IntegrationEventMetrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    public Sample last() {
        return last;
    }

    @Scheduled(every = "${integration-events.operations.sample-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sample() {
        return pool.query(SAMPLE).execute()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onItem().transform(rows -> sampleOf(rows.iterator().next()))
                .invoke(this::record)
                .onFailure().invoke(failure -> LOG.debugf("cannot sample the outbox and the inbox now: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static Sample sampleOf(Row row) {
        return new Sample(row.getLong(0), Duration.ofMillis(Math.round(row.getDouble(1) * 1000)), row.getLong(2), row.getLong(3),
                row.getLong(4), row.getLong(5), java.time.Instant.now());
    }

    private void record(Sample sample) {
        last = sample;
        metrics.outbox(sample.unpublished(), sample.oldestUnpublished(), sample.parked());
        metrics.deadLettersWaiting(sample.deadLettersWaiting());
        metrics.inbox(sample.inboxRows());
        metrics.idempotencyKeys(sample.idempotencyKeys());
    }
}
