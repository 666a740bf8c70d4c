package org.acme.infrastructure.outbox;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The relay's own connection to PostgreSQL, through the reactive client and never from a pool: it
 * holds the leadership lock (a session lock, which a pooled connection would keep after its return),
 * receives the commit notifications, and reads and marks the outbox. Being one session, losing it
 * loses the lock too, so an instance can only mark rows while it still leads.
 *
 * <p>The relay runs on a thread of its own and waits for each statement, with a bound: the
 * connection's I/O stays on Vert.x, and the relay's steps stay in their order. Two statements are
 * started without waiting (the next batch's read, a batch's mark), so that the database works while
 * the broker confirms; the relay waits for them before it relies on them.
 */
final class RelayConnection implements AutoCloseable {

    /** One relay per database leads at a time: it alone publishes, in outbox order. */
    private static final long LEADERSHIP_LOCK = 0x6f7574626f78L; // "outbox"
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private static final String NEXT_BATCH = "SELECT position, message_id, event_type, routing_key, correlation_id,"
            + " causation_id, occurred_at, envelope::text, trace_parent FROM outbox WHERE published_at IS NULL AND parked_reason IS NULL"
            + " AND position > $1 ORDER BY position LIMIT $2";

    private final PgConnection connection;

    private RelayConnection(PgConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects and listens for commits; {@code onNotification} runs on each, {@code onClosed} when
     * the session ends for any reason.
     */
    static RelayConnection open(Vertx vertx, PgConnectOptions options, Runnable onNotification, Runnable onClosed) {
        PgConnection connection = PgConnection.connect(vertx, options).await().atMost(STATEMENT_TIMEOUT);
        connection.notificationHandler(notification -> onNotification.run());
        connection.closeHandler(onClosed);
        RelayConnection relay = new RelayConnection(connection);
        try {
            connection.query("LISTEN outbox").execute().await().atMost(STATEMENT_TIMEOUT);
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
        return relay;
    }

    boolean tryLead() {
        return connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LEADERSHIP_LOCK))
                .await().atMost(STATEMENT_TIMEOUT).iterator().next().getBoolean(0);
    }

    /** The first unpublished rows, in outbox order. */
    List<OutboxMessage> nextBatch(int limit) {
        return await(nextBatchAfter(0, limit));
    }

    /**
     * Starts reading the unpublished rows after {@code position} and answers at once: the relay
     * reads the next batch while the broker confirms the current one. Statements on one session run
     * in the order they were sent, so a read sent after a mark sees it.
     */
    CompletableFuture<List<OutboxMessage>> nextBatchAfter(long position, int limit) {
        return connection.preparedQuery(NEXT_BATCH).execute(Tuple.of(position, limit)).map(rows -> {
            List<OutboxMessage> batch = new ArrayList<>(limit);
            for (Row row : rows) {
                batch.add(new OutboxMessage(row.getLong(0), row.getUUID(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getOffsetDateTime(6).toInstant(),
                        row.getString(7).getBytes(StandardCharsets.UTF_8), row.getString(8)));
            }
            return batch;
        }).subscribeAsCompletionStage();
    }

    /** Starts marking rows published and answers at once; {@link #await} tells whether it was done. */
    CompletableFuture<Void> markPublished(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.preparedQuery("UPDATE outbox SET published_at = now() WHERE position = ANY ($1)")
                .execute(Tuple.of(positions.toArray(Long[]::new))).replaceWithVoid().subscribeAsCompletionStage();
    }

    /** Waits for a statement started earlier, with the same bound as every other. */
    static <T> T await(CompletableFuture<T> statement) {
        try {
            return statement.get(STATEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from PostgreSQL within " + STATEMENT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    void park(long position, String reason) {
        connection.preparedQuery("UPDATE outbox SET parked_reason = $1 WHERE position = $2")
                .execute(Tuple.of(reason, position)).await().atMost(STATEMENT_TIMEOUT);
    }

    @Override
    public void close() {
        try {
            connection.close().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // The session is being abandoned; the server releases its lock when the socket closes.
        }
    }
}
