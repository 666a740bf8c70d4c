package org.acme.infrastructure.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.acme.infrastructure.sql.Sql;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets Idempotency-Keys older than {@code integration-events.idempotency.retention} (24 h): a
 * client retries within minutes, not days. In batches of 1,000, each its own short transaction, so
 * that no command waits behind the purge.
 */
@ApplicationScoped
public class IdempotencyKeysPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeysPurge.class);
    static final int BATCH = 1_000;

    private final Sql sql;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeysPurge(Sql sql, Clock clock,
                                @ConfigProperty(name = "integration-events.idempotency.retention", defaultValue = "24h") Duration retention) {
        this.sql = sql;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "${integration-events.idempotency.purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeWhenDue() {
        return purge().onItem().invoke(purged -> {
            if (purged > 0) {
                LOG.infof("forgot %d Idempotency-Keys older than %s", purged, retention);
            }
        }).replaceWithVoid();
    }

    /** Deletes every key past the retention, batch after batch; answers how many. */
    public Uni<Long> purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC);
        return purgeFrom(before, 0);
    }

    private Uni<Long> purgeFrom(OffsetDateTime before, long purgedSoFar) {
        return Panache.withTransaction(() -> sql.update("DELETE FROM idempotency_keys WHERE (caller, key) IN"
                        + " (SELECT caller, key FROM idempotency_keys WHERE created_at < ? LIMIT " + BATCH + ")", before))
                .chain(deleted -> deleted < BATCH
                        ? Uni.createFrom().item(purgedSoFar + deleted)
                        : purgeFrom(before, purgedSoFar + deleted));
    }
}
