package org.acme.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What PostgreSQL does with a transaction of a command's shape — a stream's version moved on, one
 * event and one outbox row inserted, on the services' own schema (their migrations) — from 1, 4 and
 * 16 clients over JDBC. The ceiling the command path sits on.
 */
final class PostgresLimit {

    private static final String DATABASE = "bench_limits";
    private static final int STREAMS = 10_000;
    private static final String EVENT = "{\"productId\":\"%s\",\"delta\":1,\"reason\":\"benchmark\",\"by\":\"bench\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}";
    private static final String ENVELOPE = "{\"id\":\"%s\",\"type\":\"StockAdjusted\",\"kind\":\"integration\","
            + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"payload\":{\"productId\":\"%s\",\"delta\":1,\"onHand\":10,"
            + "\"reserved\":0,\"available\":10},\"metadata\":{\"schemaVersion\":1,\"outcome\":\"accepted\","
            + "\"publisher\":\"inventory\",\"aggregateType\":\"StockItem\",\"aggregateId\":\"%s\",\"aggregateVersion\":2}}";

    private final Path repository;
    private final List<UUID> streams = new ArrayList<>(STREAMS);

    PostgresLimit(Path repository) {
        this.repository = repository;
    }

    void measure(Settings settings, Figures figures) throws Exception {
        prepare();
        for (int clients : List.of(1, 4, 16)) {
            figures.put("postgres transactions/s, " + clients + " clients", transactionsPerSecond(clients, settings));
        }
    }

    private void prepare() throws Exception {
        Servers.freshDatabase("catalog", DATABASE);
        try (Connection connection = Servers.database("catalog", DATABASE); Statement statement = connection.createStatement();
             Stream<Path> migrations = Files.list(repository.resolve("shared-infrastructure/src/main/resources/db/infrastructure"))) {
            for (Path migration : migrations.sorted().toList()) {
                statement.execute(Files.readString(migration));
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event_streams (stream_id, stream_type, version) VALUES (?, 'StockItem', 1)")) {
                for (int i = 0; i < STREAMS; i++) {
                    UUID stream = UUID.randomUUID();
                    streams.add(stream);
                    insert.setObject(1, stream);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private long transactionsPerSecond(int clients, Settings settings) throws InterruptedException {
        AtomicLong committed = new AtomicLong();
        long end = System.nanoTime() + settings.limitRun().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> runTransactions(end, committed), "pg-limit-" + i);
            threads.add(client);
            client.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Math.round(committed.get() / (settings.limitRun().toMillis() / 1000.0));
    }

    private void runTransactions(long end, AtomicLong committed) {
        try (Connection connection = Servers.database("catalog", DATABASE);
             PreparedStatement advance = connection.prepareStatement(
                     "UPDATE event_streams SET version = version + 1 WHERE stream_id = ? RETURNING version");
             PreparedStatement event = connection.prepareStatement("INSERT INTO events (event_id, stream_id, version,"
                     + " event_type, data, metadata, recorded_at) VALUES (?, ?, ?, 'StockAdjustedEvent', CAST(? AS jsonb),"
                     + " CAST(? AS jsonb), ?)");
             PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox (message_id, event_type, routing_key,"
                     + " aggregate_id, correlation_id, causation_id, occurred_at, envelope)"
                     + " VALUES (?, 'StockAdjusted', 'StockAdjusted.v1', ?, 'bench', 'bench', ?, CAST(? AS json))")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < end) {
                UUID stream = streams.get(ThreadLocalRandom.current().nextInt(STREAMS));
                advance.setObject(1, stream);
                long version;
                try (var row = advance.executeQuery()) {
                    row.next();
                    version = row.getLong(1);
                }
                event.setObject(1, UUID.randomUUID());
                event.setObject(2, stream);
                event.setLong(3, version);
                event.setString(4, EVENT.formatted(stream));
                event.setString(5, "{\"commandType\":\"AdjustStock\",\"correlationId\":\"bench\"}");
                event.setTimestamp(6, java.sql.Timestamp.from(Instant.now()));
                event.executeUpdate();
                UUID message = UUID.randomUUID();
                outbox.setObject(1, message);
                outbox.setString(2, stream.toString());
                outbox.setTimestamp(3, java.sql.Timestamp.from(Instant.now()));
                outbox.setString(4, ENVELOPE.formatted(message, stream, stream));
                outbox.executeUpdate();
                connection.commit();
                committed.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL limit could not be measured: " + e.getMessage(), e);
        }
    }
}
