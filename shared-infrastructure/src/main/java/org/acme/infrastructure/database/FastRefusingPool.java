package org.acme.infrastructure.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reactive pool, made to refuse rather than wait. By default a request waits up to 30 s for a
 * connection, in a queue without bound, and a connection attempt to a database that does not answer
 * takes a minute: a request arriving while PostgreSQL is away, or while every connection is busy,
 * would hang. Here it fails within {@code connection-timeout}, answered 503 (see TransientFailure),
 * and no more than {@code wait-queue} requests queue for a connection at once.
 */
@Singleton
public class FastRefusingPool implements PgPoolCreator {

    private final int connectionTimeoutMillis;
    private final int waitQueue;

    public FastRefusingPool(
            @ConfigProperty(name = "integration-events.database.connection-timeout-millis", defaultValue = "1500") int connectionTimeoutMillis,
            @ConfigProperty(name = "integration-events.database.wait-queue", defaultValue = "256") int waitQueue) {
        this.connectionTimeoutMillis = connectionTimeoutMillis;
        this.waitQueue = waitQueue;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(connectionTimeoutMillis)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(waitQueue);
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout(Math.min(connectionTimeoutMillis, 1_000));
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
