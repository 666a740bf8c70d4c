package org.acme.benchmarks;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The relay's own ceiling: a backlog of rows written while the catalog was down, drained into a
 * quorum queue as fast as the broker confirms them, from the first row published to the last. The
 * rows are catalog contracts no context subscribes to ({@code UpdateProductRejected}): the catalog's
 * broker user may publish nothing else (decision 0015), and no subscriber sees them.
 */
final class RelayDrainBench {

    /** A catalog contract that no context subscribes to. */
    private static final String DRAINED = "UpdateProductRejected";

    private final Deployment system;
    private final Settings settings;

    RelayDrainBench(Deployment system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    void measure(Figures figures) throws Exception {
        try (Connection broker = Servers.broker("bench-drain"); Channel channel = broker.createChannel()) {
            channel.queueDeclare("bench.drain", true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind("bench.drain", "catalog.events", DRAINED + ".*");
            system.stopService("catalog");
            writeBacklog(settings.drainRows());
            CompletableFuture<Long> seenOnTheQueue = CompletableFuture.supplyAsync(() -> arrivalRate(broker, settings.drainRows()));
            system.startService("catalog");
            figures.put("relay drain of " + settings.drainRows() + " rows: rows/s", drainRate(settings.drainRows()));
            figures.put("relay drain of " + settings.drainRows() + " rows, seen arriving on a queue: rows/s", seenOnTheQueue.join());
            channel.queueDelete("bench.drain");
        }
    }

    private static void writeBacklog(int rows) throws Exception {
        try (java.sql.Connection catalog = Servers.database("catalog", Deployment.database("catalog"));
             PreparedStatement backlog = catalog.prepareStatement("INSERT INTO outbox (message_id, event_type, routing_key,"
                     + " aggregate_id, correlation_id, causation_id, occurred_at, envelope) SELECT id, '" + DRAINED + "',"
                     + " '" + DRAINED + ".v1', id::text, 'drain', 'drain', now(), json_build_object('id', id, 'type',"
                     + " '" + DRAINED + "', 'kind', 'integration', 'timestamp', now(), 'payload', json_build_object('n', n),"
                     + " 'metadata', json_build_object('schemaVersion', 1, 'outcome', 'accepted', 'publisher', 'catalog',"
                     + " 'correlationId', 'drain')) FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ?) AS n) AS rows")) {
            backlog.setInt(1, rows);
            backlog.executeUpdate();
        }
    }

    /**
     * Rows per second, from the times the relay marked them published (it drains part of the
     * backlog while the catalog is still starting): the rows marked after the first batch, over the
     * time from the first batch's mark to the last.
     */
    private static long drainRate(int rows) throws Exception {
        try (java.sql.Connection catalog = Servers.database("catalog", Deployment.database("catalog"));
             Statement statement = catalog.createStatement()) {
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (unpublished(statement) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not drain " + rows + " rows within 10 minutes");
                }
                Thread.sleep(50);
            }
            try (ResultSet span = statement.executeQuery("WITH drained AS (SELECT published_at FROM outbox"
                    + " WHERE event_type = '" + DRAINED + "' AND correlation_id = 'drain'), first AS (SELECT min(published_at) AS at FROM drained)"
                    + " SELECT count(*) FILTER (WHERE published_at > (SELECT at FROM first)),"
                    + " extract(epoch FROM max(published_at) - (SELECT at FROM first)) FROM drained")) {
                span.next();
                long afterFirstBatch = span.getLong(1);
                double seconds = span.getDouble(2);
                return seconds <= 0 ? -1 : Math.round(afterFirstBatch / seconds);
            }
        }
    }

    /**
     * Rows per second from outside, as the queue saw them arrive: from the first poll that found
     * messages to the one that found them all, the messages that came in between. The catalog has been
     * draining since it started, so the first arrivals are already queued: they are not counted.
     */
    private static long arrivalRate(Connection broker, int rows) {
        try (Channel channel = broker.createChannel()) {
            long firstSeenAt = 0;
            long firstDepth = 0;
            long deadline = System.nanoTime() + 600_000_000_000L;
            long depth;
            while ((depth = channel.messageCount("bench.drain")) < rows) {
                if (firstSeenAt == 0 && depth > 0) {
                    firstSeenAt = System.nanoTime();
                    firstDepth = depth;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bench.drain holds " + depth + " of " + rows + " rows after 10 minutes");
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - firstSeenAt) / 1e9;
            return firstSeenAt == 0 || seconds <= 0 ? -1 : Math.round((rows - firstDepth) / seconds);
        } catch (Exception e) {
            throw new IllegalStateException("bench.drain could not be watched", e);
        }
    }

    private static long unpublished(Statement statement) throws Exception {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            count.next();
            return count.getLong(1);
        }
    }
}
