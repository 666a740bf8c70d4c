package org.acme.infrastructure.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventsourcing.Aggregate;
import org.acme.infrastructure.eventsourcing.DomainEvent;

/**
 * The service's event store in PostgreSQL: one row per domain event, unique per (stream, version),
 * and one row per stream holding its current version, which makes the optimistic concurrency check
 * a single conditional update. Inline projections observe {@link EventsAppended} in the same
 * transaction.
 */
@ApplicationScoped
public class EventStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Event<EventsAppended> appended;

    public EventStore(AgroalDataSource dataSource, ObjectMapper json, Event<EventsAppended> appended) {
        this.dataSource = dataSource;
        this.json = json;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <E extends DomainEvent> EventStream<E> read(UUID streamId, Class<E> family) {
        String sql = "SELECT version, event_type, data FROM events WHERE stream_id = ? ORDER BY version";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, streamId);
            List<E> events = new ArrayList<>();
            long version = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    version = rows.getLong(1);
                    events.add(json.readValue(rows.getString(3), DomainEventTypes.classOf(family, rows.getString(2))));
                }
            }
            return new EventStream<>(streamId, version, events);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read stream " + streamId, e);
        }
    }

    /** Loads an aggregate from its stream, or nothing when the stream does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E extends DomainEvent, A extends Aggregate<E>> Optional<A> load(UUID streamId, Class<E> family,
                                                                            Function<List<E>, A> rehydrate) {
        EventStream<E> stream = read(streamId, family);
        return stream.exists() ? Optional.of(rehydrate.apply(stream.events())) : Optional.empty();
    }

    /** Appends an aggregate's new events, expecting the version it was loaded at. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends DomainEvent> List<StoredEvent<E>> save(String streamType, UUID streamId, Aggregate<E> aggregate,
                                                            String commandType, CommandMetadata command) {
        return append(streamType, streamId, aggregate.version(), aggregate.changes(), commandType, command);
    }

    /**
     * Appends events to a stream if it is still at the expected version (0 for a new stream),
     * inside the caller's transaction, and answers them with their versions.
     *
     * @throws ConcurrencyConflict when another transaction appended first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends DomainEvent> List<StoredEvent<E>> append(String streamType, UUID streamId, long expectedVersion,
                                                              List<E> events, String commandType, CommandMetadata command) {
        if (events.isEmpty()) {
            return List.of();
        }
        long newVersion = expectedVersion + events.size();
        try (Connection connection = dataSource.getConnection()) {
            if (!advanceStream(connection, streamType, streamId, expectedVersion, newVersion)) {
                throw new ConcurrencyConflict(streamId, expectedVersion);
            }
            List<StoredEvent<E>> stored = insertEvents(connection, streamId, expectedVersion, events,
                    metadataJson(commandType, command), command);
            appended.fire(new EventsAppended(streamType, streamId, List.copyOf(stored)));
            return stored;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot append to stream " + streamId, e);
        }
    }

    private static boolean advanceStream(Connection connection, String streamType, UUID streamId,
                                         long expectedVersion, long newVersion) throws SQLException {
        String sql = expectedVersion == 0
                ? "INSERT INTO event_streams (stream_id, stream_type, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "UPDATE event_streams SET version = ? WHERE stream_id = ? AND version = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (expectedVersion == 0) {
                statement.setObject(1, streamId);
                statement.setString(2, streamType);
                statement.setLong(3, newVersion);
            } else {
                statement.setLong(1, newVersion);
                statement.setObject(2, streamId);
                statement.setLong(3, expectedVersion);
            }
            return statement.executeUpdate() == 1;
        }
    }

    private <E extends DomainEvent> List<StoredEvent<E>> insertEvents(Connection connection, UUID streamId, long expectedVersion,
                                                                      List<E> events, String metadata, CommandMetadata command)
            throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO events (event_id, stream_id, version, event_type, data, metadata, recorded_at)"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)";
        List<StoredEvent<E>> stored = new ArrayList<>(events.size());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long version = expectedVersion;
            for (E event : events) {
                version++;
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, streamId);
                statement.setLong(3, version);
                statement.setString(4, DomainEventTypes.nameOf(event));
                statement.setString(5, json.writeValueAsString(event));
                statement.setString(6, metadata);
                statement.setTimestamp(7, Timestamp.from(command.at()));
                statement.addBatch();
                stored.add(new StoredEvent<>(streamId, version, event));
            }
            statement.executeBatch();
        }
        return stored;
    }

    private String metadataJson(String commandType, CommandMetadata command) throws JsonProcessingException {
        return json.writeValueAsString(Map.of(
                "commandType", commandType,
                "commandId", command.commandId().toString(),
                "correlationId", command.correlationId(),
                "causationId", command.causationId(),
                "actor", command.actor()));
    }
}
