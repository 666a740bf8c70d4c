package org.acme.infrastructure.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.eventsourcing.Aggregate;
import org.acme.infrastructure.eventsourcing.DomainEvent;
import org.acme.infrastructure.session.InSequence;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.sql.SqlRow;

/**
 * The service's event store in PostgreSQL: one row per domain event, unique per (stream, version),
 * and one row per stream holding its current version, which makes the optimistic concurrency check
 * a single conditional update. Every statement runs on the caller's reactive session, in its
 * transaction; the inline projections are applied in it too, after each append.
 */
@ApplicationScoped
public class EventStore {

    private static final String READ = "SELECT version, event_type, CAST(data AS text) FROM events"
            + " WHERE stream_id = ? ORDER BY version";
    private static final String INSERT = "INSERT INTO events (event_id, stream_id, version, event_type, data, metadata,"
            + " recorded_at) VALUES (?, ?, ?, ?, CAST(CAST(? AS text) AS jsonb), CAST(CAST(? AS text) AS jsonb), ?)";

    private final Sql sql;
    private final ObjectMapper json;
    private final List<InlineProjection> projections;

    public EventStore(Sql sql, ObjectMapper json, @All List<InlineProjection> projections) {
        this.sql = sql;
        this.json = json;
        this.projections = projections;
    }

    public <E extends DomainEvent> Uni<EventStream<E>> read(UUID streamId, Class<E> family) {
        return sql.query(READ, streamId).onItem().transform(rows -> {
            List<E> events = new ArrayList<>(rows.size());
            long version = 0;
            for (SqlRow row : rows) {
                version = row.number(0);
                events.add(decode(streamId, family, row.text(1), row.text(2)));
            }
            return new EventStream<>(streamId, version, events);
        });
    }

    /** Loads an aggregate from its stream, or nothing when the stream does not exist. */
    public <E extends DomainEvent, A extends Aggregate<E>> Uni<Optional<A>> load(UUID streamId, Class<E> family,
                                                                                 Function<List<E>, A> rehydrate) {
        return read(streamId, family).onItem()
                .transform(stream -> stream.exists() ? Optional.of(rehydrate.apply(stream.events())) : Optional.empty());
    }

    /** Appends an aggregate's new events, expecting the version it was loaded at. */
    public <E extends DomainEvent> Uni<List<StoredEvent<E>>> save(String streamType, UUID streamId, Aggregate<E> aggregate,
                                                                 String commandType, CommandMetadata command) {
        return append(streamType, streamId, aggregate.version(), aggregate.changes(), commandType, command);
    }

    /**
     * Appends events to a stream if it is still at the expected version (0 for a new stream), and
     * answers them with their versions; fails with {@link ConcurrencyConflict} when another
     * transaction appended first.
     */
    public <E extends DomainEvent> Uni<List<StoredEvent<E>>> append(String streamType, UUID streamId, long expectedVersion,
                                                                   List<E> events, String commandType,
                                                                   CommandMetadata command) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<StoredEvent<E>> stored = new ArrayList<>(events.size());
        for (E event : events) {
            stored.add(new StoredEvent<>(streamId, expectedVersion + stored.size() + 1, event));
        }
        String metadata = metadataJson(commandType, command);
        return advanceStream(streamType, streamId, expectedVersion, expectedVersion + events.size())
                .chain(() -> InSequence.each(stored, event -> insert(event, metadata, command)))
                .chain(() -> project(streamType, stored))
                .replaceWith(stored);
    }

    private Uni<Void> advanceStream(String streamType, UUID streamId, long expectedVersion, long newVersion) {
        Uni<Integer> advanced = expectedVersion == 0
                ? sql.update("INSERT INTO event_streams (stream_id, stream_type, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        streamId, streamType, newVersion)
                : sql.update("UPDATE event_streams SET version = ? WHERE stream_id = ? AND version = ?",
                        newVersion, streamId, expectedVersion);
        return advanced.onItem().transformToUni(rows -> rows == 1
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion)));
    }

    private Uni<Integer> insert(StoredEvent<?> stored, String metadata, CommandMetadata command) {
        return sql.update(INSERT, UUID.randomUUID(), stored.streamId(), stored.version(),
                DomainEventTypes.nameOf((DomainEvent) stored.event()), toJson(stored.event()), metadata, command.at());
    }

    private Uni<Void> project(String streamType, List<? extends StoredEvent<?>> stored) {
        List<InlineProjection> following = projections.stream().filter(projection -> projection.streamType().equals(streamType)).toList();
        return InSequence.each(following, projection -> InSequence.each(List.copyOf(stored), projection::apply));
    }

    private <E extends DomainEvent> E decode(UUID streamId, Class<E> family, String type, String data) {
        try {
            return json.readValue(data, DomainEventTypes.classOf(family, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type + " of stream " + streamId, e);
        }
    }

    private String metadataJson(String commandType, CommandMetadata command) {
        return toJson(Map.of(
                "commandType", commandType,
                "commandId", command.commandId().toString(),
                "correlationId", command.correlationId(),
                "causationId", command.causationId(),
                "actor", command.actor()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
