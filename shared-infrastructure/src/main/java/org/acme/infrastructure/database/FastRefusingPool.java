package org.acme.infrastructure.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reactive pool, made to refuse rather than wait. By default a request waits up to 30 s for a
 * connection, in a queue without bound, and a connection attempt to a database that does not answer
 * takes a minute: a request arriving while PostgreSQL is away, or while every connection is busy,
 * would hang. Here it fails within {@code connection-timeout}, answered 503 (see TransientFailure),
 * and no more than {@code wait-queue} requests queue for a connection at once.
 *
 * <p>Every session also bounds its waits inside the database (decision 0013): a statement waiting for
 * a lock fails after {@code lock-timeout} (a failure that passes: answered 503, or retried), and a
 * transaction left idle by its application for {@code idle-in-transaction-timeout} is ended by
 * PostgreSQL, with its locks. Without them, one transaction whose reactive chain stopped would hold
 * its rows for ever, and every command and message needing them would queue behind it.
 */
@Singleton
public class FastRefusingPool implements PgPoolCreator {

    private final int connectionTimeoutMillis;
    private final int waitQueue;
    private final Duration lockTimeout;
    private final Duration idleInTransactionTimeout;

    public FastRefusingPool(
            @ConfigProperty(name = "integration-events.database.connection-timeout-millis", defaultValue = "1500") int connectionTimeoutMillis,
            @ConfigProperty(name = "integration-events.database.wait-queue", defaultValue = "256") int waitQueue,
            @ConfigProperty(name = "integration-events.database.lock-timeout", defaultValue = "2s") Duration lockTimeout,
            @ConfigProperty(name = "integration-events.database.idle-in-transaction-timeout", defaultValue = "10s")
            Duration idleInTransactionTimeout) {
        this.connectionTimeoutMillis = connectionTimeoutMillis;
        this.waitQueue = waitQueue;
        this.lockTimeout = lockTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(connectionTimeoutMillis)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(waitQueue);
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout(Math.min(connectionTimeoutMillis, 1_000));
            // Sent at connection start: PostgreSQL sets them for the session's lifetime.
            connect.addProperty("lock_timeout", lockTimeout.toMillis() + "ms");
            connect.addProperty("idle_in_transaction_session_timeout", idleInTransactionTimeout.toMillis() + "ms");
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
