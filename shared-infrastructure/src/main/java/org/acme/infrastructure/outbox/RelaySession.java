package org.acme.infrastructure.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * The relay's own database connection: it holds the leadership lock, receives the commit
 * notifications and reads and marks the outbox. Being one session, losing it loses the lock too,
 * so an instance can only mark rows while it still leads.
 */
final class RelaySession implements AutoCloseable {

    /** One relay per database leads at a time: it alone publishes, in outbox order. */
    private static final long LEADERSHIP_LOCK = 0x6f7574626f78L; // "outbox"

    private static final String NEXT_BATCH = "SELECT position, message_id, event_type, routing_key, correlation_id,"
            + " causation_id, occurred_at, envelope::text FROM outbox WHERE published_at IS NULL AND parked_reason IS NULL"
            + " ORDER BY position LIMIT ?";

    private final Connection connection;

    private RelaySession(Connection connection) {
        this.connection = connection;
    }

    static RelaySession open(String jdbcUrl, String user, String password, String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        RelaySession session = new RelaySession(DriverManager.getConnection(jdbcUrl, properties));
        try (Statement listen = session.connection.createStatement()) {
            listen.execute("LISTEN outbox");
        } catch (SQLException e) {
            session.close();
            throw e;
        }
        return session;
    }

    boolean tryLead() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LEADERSHIP_LOCK);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Waits for a commit notification, or the poll interval, whichever comes first. */
    void awaitNotification(Duration timeout) throws SQLException {
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
    }

    List<OutboxMessage> nextBatch(int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NEXT_BATCH)) {
            statement.setInt(1, limit);
            List<OutboxMessage> batch = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxMessage(rows.getLong(1), rows.getObject(2, java.util.UUID.class),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getTimestamp(7).toInstant(), rows.getString(8).getBytes(StandardCharsets.UTF_8)));
                }
            }
            return batch;
        }
    }

    void markPublished(Collection<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE outbox SET published_at = now() WHERE position = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
            array.free();
        }
    }

    void park(long position, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE outbox SET parked_reason = ? WHERE position = ?")) {
            statement.setString(1, reason);
            statement.setLong(2, position);
            statement.executeUpdate();
        }
    }

    /** Deletes published rows older than the retention, a bounded chunk at a time. */
    int purgePublishedBefore(Duration retention) throws SQLException {
        String sql = "DELETE FROM outbox WHERE position IN (SELECT position FROM outbox"
                + " WHERE published_at < now() - make_interval(secs => ?) LIMIT 10000)";
        int purged = 0;
        int chunk;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, retention.toMillis() / 1000.0);
            do {
                chunk = statement.executeUpdate();
                purged += chunk;
            } while (chunk == 10000);
        }
        return purged;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The session is being abandoned; the server releases its lock when the socket closes.
        }
    }
}
