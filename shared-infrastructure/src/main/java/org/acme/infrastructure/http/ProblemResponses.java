package org.acme.infrastructure.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.acme.infrastructure.commands.CommandRejected;
import org.acme.infrastructure.eventstore.ConcurrencyConflict;
import org.acme.infrastructure.eventstore.StaleVersion;
import org.acme.infrastructure.failures.TransientFailure;
import org.acme.infrastructure.idempotency.IdempotencyKeyReused;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to an RFC 9457 problem, so that resources never catch: 400 for input at fault
 * (with the fields), 401 no or bad bearer token, 403 a role that does not allow it, 404 unknown id,
 * 409 state conflict, 412 stale If-Match, 422 business rule or an Idempotency-Key reused for another request,
 * 503 while the database is unavailable, 500 for the unexpected (logged, with the correlation id to
 * quote).
 */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    private static final String TYPE_BASE = "https://acme.org/problems/";

    @ServerExceptionMapper
    public Response invalidBody(ResteasyReactiveViolationException e, ContainerRequestContext request) {
        return invalid(e, request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(request, 400, "invalid-input", "Invalid input", "the request has invalid fields", errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, ContainerRequestContext request) {
        return problem(request, 400, "invalid-input", "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return wrongField(e, request);
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, ContainerRequestContext request) {
        return wrongField(e, request);
    }

    @ServerExceptionMapper
    public Response refusedValue(ValueInstantiationException e, ContainerRequestContext request) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        return problem(request, 400, "invalid-input", "Invalid input", message,
                List.of(new Problem.FieldError(pathOf(e), message)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, ContainerRequestContext request) {
        return problem(request, 400, "invalid-input", "Invalid input", e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, ContainerRequestContext request) {
        return problem(request, 400, "invalid-input", "Invalid input", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    /** A command or value that validates itself refused the input the request gave it. */
    @ServerExceptionMapper
    public Response refusedArgument(IllegalArgumentException e, ContainerRequestContext request) {
        return problem(request, 400, "invalid-input", "Invalid input", e.getMessage(),
                List.of(new Problem.FieldError("body", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFound e, ContainerRequestContext request) {
        return problem(request, 404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejected e, ContainerRequestContext request) {
        return refused(e, request.getUriInfo().getPath(), correlationIdOf(request));
    }

    /** A refused command's answer, 409 or 422, also as an idempotent command records it in its transaction. */
    public static Response refused(CommandRejected e, String path, String correlationId) {
        return e.kind() == CommandRejected.Kind.CONFLICTING_STATE
                ? problem(path, correlationId, 409, "conflicting-state", "Conflicting state", e.reason(), null)
                : problem(path, correlationId, 422, "business-rule", "Rejected by a business rule", e.reason(), null);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReused e, ContainerRequestContext request) {
        return problem(request, 422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                List.of(new Problem.FieldError(IdempotencyKeyReused.HEADER, e.getMessage())));
    }

    @ServerExceptionMapper
    public Response concurrentChange(ConcurrencyConflict e, ContainerRequestContext request) {
        return problem(request, 409, "concurrent-modification", "Concurrent modification", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersion e, ContainerRequestContext request) {
        return problem(request, 412, "stale-version", "Precondition failed", e.getMessage(),
                List.of(new Problem.FieldError("If-Match", "current version is \"" + e.currentVersion() + "\"")));
    }

    /**
     * No bearer token, or one that does not verify (signature, issuer, expiry): 401, with the
     * challenge RFC 6750 asks for. Nothing was done.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        boolean invalid = e instanceof AuthenticationFailedException;
        Response problem = problem(request, 401, "unauthenticated", "Unauthenticated", invalid
                ? "the bearer token does not verify: its signature, issuer or expiry is not right"
                : "this needs a bearer token: Authorization: Bearer <token>", null);
        return Response.fromResponse(problem).header("WWW-Authenticate", invalid ? "Bearer error=\"invalid_token\"" : "Bearer").build();
    }

    /** A verified token whose roles do not allow this: 403. Nothing was done. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return problem(request, 403, "forbidden", "Forbidden", "the bearer token's roles do not allow "
                + request.getMethod() + " " + request.getUriInfo().getPath() + " (docs/security.md lists who may do what)", null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonParseException unreadable) {
            return unreadableJson(unreadable, request);
        }
        if (e.getCause() instanceof JsonMappingException mismatch) {
            return wrongField(mismatch, request);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(request, status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage(), null);
    }

    /**
     * Anything else. While the database is away or overloaded that is 503 at once, with a hint when to
     * retry, rather than a 500 or a request left waiting: nothing was committed, the client may send
     * the command again. Otherwise a 500 that leaks nothing but the correlation id.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (TransientFailure.is(e)) {
            LOG.warnf("refused %s %s, the database is unavailable: %s", request.getMethod(), request.getUriInfo().getPath(), e);
            Response problem = problem(request, 503, "unavailable", "Service unavailable",
                    "the service's database is unavailable; nothing was changed, retry in a moment", null);
            return Response.fromResponse(problem).header("Retry-After", "1").build();
        }
        LOG.errorf(e, "unexpected failure of %s %s", request.getMethod(), request.getUriInfo().getPath());
        return problem(request, 500, "internal-error", "Internal error",
                "an unexpected error occurred; quote the correlation id when reporting it", null);
    }

    private Response wrongField(JsonMappingException e, ContainerRequestContext request) {
        String field = pathOf(e);
        String message = e instanceof InvalidFormatException format
                ? "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName()
                : e.getOriginalMessage();
        return problem(request, 400, "invalid-input", "Invalid input", "field " + field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    private static Response problem(ContainerRequestContext request, int status, String type, String title,
                                    String detail, List<Problem.FieldError> errors) {
        return problem(request.getUriInfo().getPath(), correlationIdOf(request), status, type, title, detail, errors);
    }

    private static Response problem(String path, String correlationId, int status, String type, String title,
                                    String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem(TYPE_BASE + type, title, status, detail, path, correlationId, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String correlationIdOf(ContainerRequestContext request) {
        Object correlationId = request.getProperty("correlationId");
        return correlationId == null ? null : correlationId.toString();
    }

    /** A JSON path such as lines[0].quantity, or "body" for the document itself. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The property path below the method parameter: name, lines[0].quantity; the parameter's name if none. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
