package org.acme.infrastructure.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final String READ_FROM_SNAPSHOT = "SELECT 'snapshot', version, CAST(data AS text) FROM snapshots"
            + " WHERE stream_id = ? AND snapshot_type = ?"
            + " UNION ALL SELECT event_type, version, CAST(data AS text) FROM events WHERE stream_id = ? AND version >"
            + " coalesce((SELECT version FROM snapshots WHERE stream_id = ? AND snapshot_type = ?), 0)"
            + " ORDER BY 2 LIMIT ?";
    private static final String READ_AFTER = "SELECT event_type, version, CAST(data AS text) FROM events"
            + " WHERE stream_id = ? AND version > ? ORDER BY version LIMIT ?";
    /**
     * Events read at a time after a snapshot: a stream with more (its history from before snapshots)
     * is replayed page by page, and memory holds the rows of one page and the events of two at most.
     */
    static final int PAGE = 1_000;
    private static final String LOCK = "SELECT version FROM event_streams WHERE stream_id = ? FOR UPDATE";
    private static final String SNAPSHOT = "INSERT INTO snapshots (stream_id, snapshot_type, version, data, taken_at)"
            + " VALUES (?, ?, ?, CAST(CAST(? AS text) AS jsonb), ?) ON CONFLICT (stream_id) DO UPDATE SET"
            + " snapshot_type = EXCLUDED.snapshot_type, version = EXCLUDED.version, data = EXCLUDED.data, taken_at = EXCLUDED.taken_at";

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

    /**
     * Loads an aggregate from its latest snapshot and the events after it (from its whole stream when
     * it has no snapshot of this type yet), or nothing when the stream does not exist.
     */
    public <E extends DomainEvent, S, A extends Aggregate<E>> Uni<Optional<A>> load(UUID streamId, Snapshots<E, S, A> snapshots) {
        return replayOf(streamId, snapshots).map(replay -> replay.map(Replay::aggregate));
    }

    private <E extends DomainEvent, S, A extends Aggregate<E>> Uni<Optional<Replay<E, S, A>>> replayOf(UUID streamId,
                                                                                                   Snapshots<E, S, A> snapshots) {
        return sql.query(READ_FROM_SNAPSHOT, streamId, snapshots.name(), streamId, streamId, snapshots.name(), PAGE + 1)
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(Optional.<Replay<E, S, A>>empty());
                    }
                    boolean fromSnapshot = "snapshot".equals(rows.get(0).text(0));
                    Replay<E, S, A> replay = fromSnapshot
                            ? new Replay<>(snapshots, decode(streamId, snapshots.type(), rows.get(0).text(2)), rows.get(0).number(1))
                            : new Replay<>(snapshots, null, 0);
                    return replay(streamId, replay, rows.subList(fromSnapshot ? 1 : 0, rows.size()), rows.size() == PAGE + 1)
                            .map(Optional::of);
                });
    }

    private <E extends DomainEvent, S, A extends Aggregate<E>> Uni<Replay<E, S, A>> replay(UUID streamId, Replay<E, S, A> replay,
                                                                            List<SqlRow> page, boolean more) {
        add(streamId, replay, page, more);
        if (!more) {
            return Uni.createFrom().item(replay);
        }
        // The next pages in a loop, each folded as it comes and let go: what goes round is whether the
        // page was full, not the page, and a long history never sits in memory whole.
        return Multi.createBy().repeating()
                .uni(() -> sql.query(READ_AFTER, streamId, replay.lastVersion(), PAGE).map(next -> {
                    boolean full = next.size() == PAGE;
                    add(streamId, replay, next, full);
                    return full;
                }))
                .whilst(full -> full)
                .collect().last()
                .replaceWith(replay);
    }

    private <E extends DomainEvent, S, A extends Aggregate<E>> void add(UUID streamId, Replay<E, S, A> replay, List<SqlRow> page,
                                                                       boolean more) {
        List<E> events = new ArrayList<>(page.size());
        for (SqlRow row : page) {
            events.add(decode(streamId, replay.snapshots().family(), row.text(0), row.text(2)));
        }
        replay.add(events, page.isEmpty() ? 0 : page.get(page.size() - 1).number(1), more);
    }

    /**
     * Loads an aggregate like {@link #load(UUID, Snapshots)}, once no other transaction is changing
     * its stream: the stream's row stays locked until this transaction ends. For streams that
     * commands change side by side (a best-seller's stock item): they then wait for each other,
     * instead of all but one failing at append and starting again. Lock several streams in one
     * order (by id), or two transactions can each hold what the other waits for. Loaded for change
     * again in the same transaction, the stream is restored from what this transaction read and
     * appended ({@link LockedStreams}): no other can have changed it.
     */
    public <E extends DomainEvent, S, A extends Aggregate<E>> Uni<Optional<A>> loadForChange(UUID streamId,
                                                                                             Snapshots<E, S, A> snapshots) {
        return LockedStreams.ofThisTransaction().chain(locked -> {
            Replay<E, S, A> held = locked.replayOf(streamId, snapshots);
            if (held != null) {
                return Uni.createFrom().item(Optional.of(held.aggregate()));
            }
            // A statement of its own: the load must see what the transaction it waited for committed.
            return sql.query(LOCK, streamId).chain(() -> replayOf(streamId, snapshots))
                    .invoke(replay -> replay.ifPresent(it -> locked.locked(streamId, it)))
                    .map(replay -> replay.map(Replay::aggregate));
        });
    }

    /**
     * Appends an aggregate's new events like {@link #save(String, UUID, Aggregate, String, CommandMetadata)},
     * and, when enough events have piled up since its latest snapshot, a new snapshot of the state
     * they lead to, in the same transaction.
     */
    public <E extends DomainEvent, S, A extends Aggregate<E>> Uni<List<StoredEvent<E>>> save(String streamType, UUID streamId,
                                                                                          A aggregate, Snapshots<E, S, A> snapshots,
                                                                                          String commandType, CommandMetadata command) {
        List<E> changes = aggregate.changes();
        long version = aggregate.version() + changes.size();
        S snapshot = changes.isEmpty() || !snapshots.due(aggregate) ? null : snapshots.take().apply(aggregate);
        Uni<List<StoredEvent<E>>> appended = save(streamType, streamId, aggregate, commandType, command);
        if (snapshot != null) {
            appended = appended.call(() -> sql.update(SNAPSHOT, streamId, snapshots.name(), version, toJson(snapshot), command.at()));
        }
        return appended.call(() -> LockedStreams.ofThisTransaction()
                .invoke(locked -> locked.appended(streamId, snapshots, changes, version, snapshot)));
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
        return sql.update(appendStatement(expectedVersion, stored.size()),
                        appendParameters(streamType, streamId, expectedVersion, stored, metadataJson(commandType, command), command))
                .onItem().transformToUni(inserted -> inserted == stored.size()
                        ? project(streamType, stored)
                        : Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion)))
                .replaceWith(stored);
    }

    /**
     * One statement, one round trip: the stream's version moved on (created at version 0) only if it
     * is still the expected one, and the events inserted only if it was. Fewer rows than events
     * inserted means another transaction appended first.
     */
    private static String appendStatement(long expectedVersion, int events) {
        String advance = expectedVersion == 0
                ? "INSERT INTO event_streams (stream_id, stream_type, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING stream_id"
                : "UPDATE event_streams SET version = ? WHERE stream_id = ? AND version = ? RETURNING stream_id";
        String row = "(CAST(? AS uuid), CAST(? AS bigint), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS timestamptz))";
        return "WITH stream AS (" + advance + ") INSERT INTO events (event_id, stream_id, version, event_type, data, metadata,"
                + " recorded_at) SELECT e.event_id, stream.stream_id, e.version, e.event_type, CAST(e.data AS jsonb),"
                + " CAST(e.metadata AS jsonb), e.recorded_at FROM stream, (VALUES " + String.join(", ", Collections.nCopies(events, row))
                + ") AS e (event_id, version, event_type, data, metadata, recorded_at)";
    }

    private Object[] appendParameters(String streamType, UUID streamId, long expectedVersion, List<? extends StoredEvent<?>> stored,
                                      String metadata, CommandMetadata command) {
        long newVersion = expectedVersion + stored.size();
        List<Object> parameters = new ArrayList<>(3 + 6 * stored.size());
        if (expectedVersion == 0) {
            parameters.addAll(List.of(streamId, streamType, newVersion));
        } else {
            parameters.addAll(List.of(newVersion, streamId, expectedVersion));
        }
        for (StoredEvent<?> event : stored) {
            parameters.addAll(List.of(UUID.randomUUID(), event.version(), DomainEventTypes.nameOf((DomainEvent) event.event()),
                    toJson(event.event()), metadata, command.at()));
        }
        return parameters.toArray();
    }

    private Uni<Void> project(String streamType, List<? extends StoredEvent<?>> stored) {
        List<InlineProjection> following = projections.stream().filter(projection -> projection.streamType().equals(streamType)).toList();
        return InSequence.each(following, projection -> InSequence.each(List.copyOf(stored), projection::apply));
    }

    private <E extends DomainEvent> E decode(UUID streamId, Class<E> family, String type, String data) {
        return decode(streamId, DomainEventTypes.classOf(family, type), data);
    }

    private <T> T decode(UUID streamId, Class<T> type, String data) {
        try {
            return json.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " of stream " + streamId, e);
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
