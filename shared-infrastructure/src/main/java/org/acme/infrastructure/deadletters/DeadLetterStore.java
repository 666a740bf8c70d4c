package org.acme.infrastructure.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The table of dead letters (decision 0017): each one the DLQ delivered, kept once, with its state.
 * Statements run on the reactive pool, each on its own: nothing here shares a transaction with a
 * command or a message.
 */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = "id, message_id, event_type, aggregate_type, aggregate_id, correlation_id, reason,"
            + " dead_lettered_at, tries, routing_key, user_id, headers::text, body, state, settled_at, settled_by, discard_reason";
    private static final TypeReference<Map<String, Object>> HEADERS = new TypeReference<>() { };

    /** What to list: any criterion may be null. */
    public record Filter(String state, String eventType, String aggregateId, String correlationId, String messageId) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    public DeadLetterStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Keeps a dead letter the DLQ delivered; one delivered again (not acknowledged in time) is kept once. */
    public Uni<Void> keep(DeadLetter letter) {
        return pool.preparedQuery("INSERT INTO dead_letters (id, message_id, event_type, aggregate_type, aggregate_id,"
                        + " correlation_id, reason, dead_lettered_at, tries, routing_key, user_id, headers, body)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13)"
                        + " ON CONFLICT (message_id, dead_lettered_at) DO NOTHING")
                .execute(Tuple.from(Arrays.asList(letter.id(), letter.messageId(), letter.eventType(), letter.aggregateType(),
                        letter.aggregateId(), letter.correlationId(), letter.reason(),
                        OffsetDateTime.ofInstant(letter.deadLetteredAt(), ZoneOffset.UTC), letter.tries(), letter.routingKey(),
                        // the core Buffer: the client binds bytea from it, not from the Mutiny wrapper
                        letter.userId(), headersJson(letter.headers()), Buffer.buffer(letter.body()))))
                .replaceWithVoid();
    }

    public Uni<List<DeadLetter>> list(Filter filter, int limit, int offset) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE ($1::text IS NULL OR state = $1)"
                        + " AND ($2::text IS NULL OR event_type = $2) AND ($3::text IS NULL OR aggregate_id = $3)"
                        + " AND ($4::text IS NULL OR correlation_id = $4) AND ($5::text IS NULL OR message_id = $5)"
                        + " ORDER BY dead_lettered_at, id LIMIT $6 OFFSET $7")
                .execute(Tuple.from(Arrays.asList(filter.state(), filter.eventType(), filter.aggregateId(), filter.correlationId(),
                        filter.messageId(), limit, offset)))
                .onItem().transform(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::deadLetterOf).toList());
    }

    public Uni<Optional<DeadLetter>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE id = $1").execute(Tuple.of(id))
                .onItem().transform(rows -> rows.iterator().hasNext() ? Optional.of(deadLetterOf(rows.iterator().next()))
                        : Optional.empty());
    }

    /** How many wait for an operator. */
    public Uni<Long> waiting() {
        return pool.query("SELECT count(*) FROM dead_letters WHERE state = 'waiting'").execute()
                .onItem().transform(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks a waiting dead letter settled (redriven or discarded); answers false if it was not waiting any more. */
    public Uni<Boolean> settle(UUID id, String state, String by, String discardReason) {
        return pool.preparedQuery("UPDATE dead_letters SET state = $2, settled_at = now(), settled_by = $3, discard_reason = $4"
                        + " WHERE id = $1 AND state = 'waiting'")
                .execute(Tuple.from(Arrays.asList(id, state, by, discardReason)))
                .onItem().transform(result -> result.rowCount() == 1);
    }

    private DeadLetter deadLetterOf(Row row) {
        return new DeadLetter(row.getUUID("id"), row.getString("message_id"), row.getString("event_type"),
                row.getString("aggregate_type"), row.getString("aggregate_id"), row.getString("correlation_id"),
                row.getString("reason"), row.getOffsetDateTime("dead_lettered_at").toInstant(), row.getInteger("tries"),
                row.getString("routing_key"), row.getString("user_id"), headersOf(row.getString("headers")),
                row.getBuffer("body").getBytes(), row.getString("state"),
                Optional.ofNullable(row.getOffsetDateTime("settled_at")).map(OffsetDateTime::toInstant).orElse(null),
                row.getString("settled_by"), row.getString("discard_reason"));
    }

    private String headersJson(Map<String, Object> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the headers of a dead letter", e);
        }
    }

    private Map<String, Object> headersOf(String text) {
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the headers of a dead letter", e);
        }
    }

}
