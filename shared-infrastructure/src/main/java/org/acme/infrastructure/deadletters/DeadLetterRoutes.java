package org.acme.infrastructure.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.http.Problem;
import org.acme.infrastructure.subscriptions.Dispatcher;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The operators' API of the dead letters (decision 0017), on the management interface, for the
 * {@code administrator} role only: list them (by state, type, aggregate, correlation or message id), show one,
 * redrive one, several or all, discard one with a recorded reason. Errors are problem+json, as on
 * the API. Installed in services that subscribe to something.
 */
@ApplicationScoped
public class DeadLetterRoutes {

    static final String ROLE = "administrator";
    private static final Logger LOG = Logger.getLogger(DeadLetterRoutes.class);
    private static final int MAX_PAGE = 500;

    private final DeadLetterStore store;
    private final DeadLetterRedrive redrive;
    private final Dispatcher dispatcher;
    private final JWTParser tokens;
    private final ObjectMapper json;

    public DeadLetterRoutes(DeadLetterStore store, DeadLetterRedrive redrive, Dispatcher dispatcher, JWTParser tokens,
                            ObjectMapper json) {
        this.store = store;
        this.redrive = redrive;
        this.dispatcher = dispatcher;
        this.tokens = tokens;
        this.json = json;
    }

    void install(@Observes ManagementInterface management) {
        if (dispatcher.subscribers().isEmpty()) {
            return;
        }
        Router router = management.router();
        router.route("/dead-letters*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/dead-letters*").blockingHandler(this::administratorsOnly, false);
        router.get("/dead-letters").handler(this::list);
        router.post("/dead-letters/redrive").handler(this::redriveSeveral);
        router.get("/dead-letters/:id").handler(this::show);
        router.post("/dead-letters/:id/redrive").handler(this::redriveOne);
        router.delete("/dead-letters/:id").handler(this::discard);
    }

    /** A bearer token the service verifies, holding the administrator role: 401 or 403 otherwise. */
    private void administratorsOnly(RoutingContext request) {
        String authorization = request.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            problem(request, 401, "unauthenticated", "Unauthenticated", "this needs a bearer token: Authorization: Bearer <token>", null);
            return;
        }
        try {
            JsonWebToken token = tokens.parse(authorization.substring("Bearer ".length()).strip());
            if (!token.getGroups().contains(ROLE)) {
                problem(request, 403, "forbidden", "Forbidden", "the dead letters are for the " + ROLE + " role", null);
                return;
            }
            request.put("operator", token.getSubject());
            request.next();
        } catch (ParseException invalid) {
            request.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problem(request, 401, "unauthenticated", "Unauthenticated",
                    "the bearer token does not verify: its signature, issuer or expiry is not right", null);
        }
    }

    private void list(RoutingContext request) {
        int limit = Math.min(intParameter(request, "limit", 50), MAX_PAGE);
        int offset = Math.max(intParameter(request, "offset", 0), 0);
        String state = request.queryParams().get("state");
        DeadLetterStore.Filter filter = new DeadLetterStore.Filter("any".equals(state) ? null : state == null ? DeadLetter.WAITING : state,
                request.queryParams().get("type"), request.queryParams().get("aggregateId"), request.queryParams().get("correlationId"),
                request.queryParams().get("messageId"));
        answer(request, store.list(filter, limit, offset).onItem().transform(letters -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", letters.stream().map(DeadLetterRoutes::summary).toList());
            page.put("limit", limit);
            page.put("offset", offset);
            return page;
        }));
    }

    private void show(RoutingContext request) {
        UUID id = idOf(request);
        if (id != null) {
            answer(request, found(request, id).onItem().ifNotNull().transform(this::detail));
        }
    }

    private void redriveOne(RoutingContext request) {
        UUID id = idOf(request);
        if (id != null) {
            answer(request, found(request, id).onItem().ifNotNull().transformToUni(letter -> waiting(request, letter)
                    ? redrive(request, List.of(letter)).chain(() -> store.find(id)).onItem().transform(settled -> detail(settled.orElseThrow()))
                    : Uni.createFrom().nullItem()));
        }
    }

    /** Body {@code {"ids": [...]}}, or {@code {"all": true}} with an optional {@code "type"}: every waiting one. */
    private void redriveSeveral(RoutingContext request) {
        JsonNode body = bodyOf(request);
        if (body == null) {
            return;
        }
        Uni<List<DeadLetter>> chosen;
        if (body.path("all").asBoolean(false)) {
            String type = body.hasNonNull("type") ? body.get("type").asText() : null;
            chosen = store.list(new DeadLetterStore.Filter(DeadLetter.WAITING, type, null, null, null), Integer.MAX_VALUE, 0);
        } else if (body.path("ids").isArray() && !body.path("ids").isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (JsonNode id : body.get("ids")) {
                try {
                    ids.add(UUID.fromString(id.asText()));
                } catch (IllegalArgumentException notAnId) {
                    problem(request, 400, "invalid-input", "Invalid input", "ids must be dead letters' ids",
                            List.of(new Problem.FieldError("ids", "'" + id.asText() + "' is not an id")));
                    return;
                }
            }
            chosen = Uni.join().all(ids.stream().map(store::find).toList()).andFailFast()
                    .onItem().transform(found -> found.stream().flatMap(java.util.Optional::stream).filter(DeadLetter::waiting).toList());
        } else {
            problem(request, 400, "invalid-input", "Invalid input", "say which: {\"ids\": [...]} or {\"all\": true}",
                    List.of(new Problem.FieldError("ids", "must be a list of ids, unless all is true")));
            return;
        }
        answer(request, chosen.chain(letters -> redrive(request, letters).replaceWith(Map.of("redriven", letters.size()))));
    }

    /** Body {@code {"reason": "..."}}: why it will never be applied, recorded with who said so. */
    private void discard(RoutingContext request) {
        UUID id = idOf(request);
        JsonNode body = id == null ? null : bodyOf(request);
        if (body == null) {
            return;
        }
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            problem(request, 400, "invalid-input", "Invalid input", "a discarded dead letter needs a reason, 1 to 500 characters",
                    List.of(new Problem.FieldError("reason", "must be 1 to 500 characters")));
            return;
        }
        answer(request, found(request, id).onItem().ifNotNull().transformToUni(letter -> waiting(request, letter)
                ? store.settle(id, DeadLetter.DISCARDED, request.get("operator"), reason).chain(() -> store.find(id))
                        .onItem().transform(settled -> detail(settled.orElseThrow()))
                : Uni.createFrom().nullItem()));
    }

    /** Sends them back (blocking: on a worker), then marks them redriven. */
    private Uni<Void> redrive(RoutingContext request, List<DeadLetter> letters) {
        Context context = Vertx.currentContext();
        String operator = request.get("operator");
        return Uni.createFrom().<Void>item(() -> {
                    try {
                        redrive.send(letters);
                        return null;
                    } catch (Exception e) {
                        throw new IllegalStateException("the broker did not take the dead letters back: " + e.getMessage(), e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> Uni.join().all(letters.stream().map(letter -> store.settle(letter.id(), DeadLetter.REDRIVEN, operator, null))
                        .toList()).andFailFast())
                .invoke(() -> LOG.infof("%s redrove %d dead letters", operator, letters.size()))
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .replaceWithVoid();
    }

    private Uni<DeadLetter> found(RoutingContext request, UUID id) {
        return store.find(id).onItem().transform(found -> {
            if (found.isEmpty()) {
                problem(request, 404, "not-found", "Not found", "no dead letter " + id, null);
            }
            return found.orElse(null);
        });
    }

    private boolean waiting(RoutingContext request, DeadLetter letter) {
        if (!letter.waiting()) {
            problem(request, 409, "conflicting-state", "Conflicting state", "dead letter " + letter.id() + " was " + letter.state()
                    + " already, at " + letter.settledAt() + " by " + letter.settledBy(), null);
        }
        return letter.waiting();
    }

    /** Answers the item as JSON; a null item means a problem was answered already. */
    private void answer(RoutingContext request, Uni<?> work) {
        work.subscribe().with(item -> {
            if (item != null && !request.response().ended()) {
                write(request, 200, "application/json", item);
            }
        }, failure -> {
            LOG.errorf(failure, "dead-letter request %s %s failed", request.request().method(), request.normalizedPath());
            problem(request, 503, "unavailable", "Service unavailable", failure.getMessage(), null);
        });
    }

    private static Map<String, Object> summary(DeadLetter letter) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", letter.id());
        summary.put("messageId", letter.messageId());
        summary.put("type", letter.eventType());
        summary.put("aggregateType", letter.aggregateType());
        summary.put("aggregateId", letter.aggregateId());
        summary.put("correlationId", letter.correlationId());
        summary.put("reason", letter.reason());
        summary.put("deadLetteredAt", letter.deadLetteredAt().toString());
        summary.put("tries", letter.tries());
        summary.put("state", letter.state());
        summary.put("settledAt", letter.settledAt() == null ? null : letter.settledAt().toString());
        summary.put("settledBy", letter.settledBy());
        summary.put("discardReason", letter.discardReason());
        return summary;
    }

    /** The summary, the headers, and the message itself: JSON as it is, anything else in base64. */
    private Map<String, Object> detail(DeadLetter letter) {
        Map<String, Object> detail = summary(letter);
        detail.put("routingKey", letter.routingKey());
        detail.put("userId", letter.userId());
        detail.put("headers", letter.headers());
        try {
            detail.put("message", json.readTree(letter.body()));
        } catch (java.io.IOException notJson) {
            detail.put("messageBase64", Base64.getEncoder().encodeToString(letter.body()));
        }
        return detail;
    }

    private JsonNode bodyOf(RoutingContext request) {
        try {
            String text = request.body().asString();
            return json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (JsonProcessingException unreadable) {
            problem(request, 400, "invalid-input", "Invalid input", "the body is not JSON: " + unreadable.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "not JSON")));
            return null;
        }
    }

    private UUID idOf(RoutingContext request) {
        try {
            return UUID.fromString(request.pathParam("id"));
        } catch (IllegalArgumentException notAnId) {
            problem(request, 404, "not-found", "Not found", "no dead letter " + request.pathParam("id"), null);
            return null;
        }
    }

    private static int intParameter(RoutingContext request, String name, int fallback) {
        try {
            String value = request.queryParams().get(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    private void problem(RoutingContext request, int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        if (!request.response().ended()) {
            write(request, status, Problem.MEDIA_TYPE, new Problem("https://acme.org/problems/" + type, title, status, detail,
                    request.normalizedPath(), null, errors));
        }
    }

    private void write(RoutingContext request, int status, String contentType, Object body) {
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", contentType).end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }
}
