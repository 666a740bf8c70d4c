package org.acme.infrastructure.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.acme.infrastructure.commands.Outcome;
import org.acme.infrastructure.http.IncomingRequest;
import org.acme.infrastructure.http.InvalidInput;
import org.acme.infrastructure.http.ProblemResponses;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.sql.SqlRow;

/**
 * Runs a command sent with an {@code Idempotency-Key} once (decision 0016): the key, its caller and
 * a fingerprint of the request are recorded in the command's own transaction, with the answer. The
 * same key with the same request answers that answer again (status, body, {@code Location},
 * {@code ETag}, and {@code Idempotent-Replayed: true}) and does nothing; a second request racing the
 * first waits on the key in PostgreSQL until the first commits. The same key with another request is
 * refused (422). Only a committed outcome is recorded, an accepted or a refused command alike: a
 * request that failed without effect (400, 404, a lost race, the database away) leaves no key, and
 * may be sent again with it. Keys are the caller's own (the token's subject), and kept
 * {@code integration-events.idempotency.retention} (24 h).
 */
@ApplicationScoped
public class IdempotentCommands {

    public static final String HEADER = IdempotencyKeyReused.HEADER;
    public static final String REPLAYED = "Idempotent-Replayed";
    /** What a key may look like: a UUID fits, and whatever a client makes of letters, digits and . _ : - */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    private final Sql sql;
    private final IncomingRequest request;
    private final ObjectMapper json;

    public IdempotentCommands(Sql sql, IncomingRequest request, ObjectMapper json) {
        this.sql = sql;
        this.request = request;
        this.json = json;
    }

    /**
     * Runs a command, once per key when there is one.
     *
     * @param key     the request's Idempotency-Key, or null
     * @param request what the key must keep naming besides the method and path: the body, and any
     *                header that changes the command (If-Match)
     * @param command runs the command's handler, whose transaction joins this one
     * @param answer  the answer to an accepted command
     */
    public <T> Uni<Response> once(String key, List<?> request, Supplier<Uni<Outcome<T>>> command, Function<T, Response> answer) {
        if (key == null) {
            return command.get().onItem().transform(outcome -> answer.apply(outcome.orThrow()));
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput(HEADER, HEADER + " must be 1 to 255 letters, digits or . _ : -");
        }
        String caller = this.request.actor();
        String fingerprint = fingerprint(request);
        return Panache.withTransaction(() -> claim(caller, key, fingerprint)
                .chain(first -> first
                        ? command.get().onItem().transform(outcome -> answerTo(outcome, answer))
                                .call(response -> record(caller, key, response))
                        : firstAnswer(caller, key, fingerprint)));
    }

    /** Answers whether this request is the first with the key; a concurrent first waits here until it commits. */
    private Uni<Boolean> claim(String caller, String key, String fingerprint) {
        return sql.update("INSERT INTO idempotency_keys (caller, key, request) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                caller, key, fingerprint).onItem().transform(inserted -> inserted == 1);
    }

    private <T> Response answerTo(Outcome<T> outcome, Function<T, Response> answer) {
        if (outcome instanceof Outcome.Accepted<T> accepted) {
            return answer.apply(accepted.result());
        }
        return ProblemResponses.refused(((Outcome.Refused<T>) outcome).refusal(), request.path(), request.correlationId());
    }

    private Uni<Integer> record(String caller, String key, Response response) {
        return sql.update("UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, etag = ?, body = ?"
                        + " WHERE caller = ? AND key = ?",
                response.getStatus(), response.getMediaType() == null ? null : response.getMediaType().toString(),
                response.getLocation() == null ? null : response.getLocation().toString(),
                response.getHeaderString(HttpHeaders.ETAG), bodyOf(response), caller, key);
    }

    private Uni<Response> firstAnswer(String caller, String key, String fingerprint) {
        return sql.query("SELECT request, status, content_type, location, etag, body FROM idempotency_keys"
                        + " WHERE caller = ? AND key = ?", caller, key)
                .onItem().transform(rows -> replay(rows.get(0), fingerprint));
    }

    private static Response replay(SqlRow first, String fingerprint) {
        if (!first.text(0).equals(fingerprint)) {
            throw new IdempotencyKeyReused(first.text(0).substring(0, first.text(0).lastIndexOf(' ')));
        }
        Response.ResponseBuilder replay = Response.status((int) first.number(1)).header(REPLAYED, "true");
        if (first.text(2) != null) {
            replay.type(first.text(2));
        }
        if (first.text(3) != null) {
            replay.location(URI.create(first.text(3)));
        }
        if (first.text(4) != null) {
            replay.header(HttpHeaders.ETAG, first.text(4));
        }
        return replay.entity(first.text(5)).build();
    }

    private String bodyOf(Response response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the answer to " + request.target(), e);
        }
    }

    /** The method, the path, and a digest of what else names the request. */
    private String fingerprint(List<?> parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(parts).getBytes(StandardCharsets.UTF_8));
            return request.target() + " " + HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot take the fingerprint of " + request.target(), e);
        }
    }
}
