package org.acme.infrastructure.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.acme.infrastructure.commands.CommandMetadata;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Accepts {@code X-Correlation-Id} (or makes one), echoes it, logs with it and hands it to the
 * commands of the request, which carry it into every event they cause.
 */
public class CorrelationIdFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final String PROPERTY = "correlationId";
    private static final Pattern ACCEPTED = CommandMetadata.TRAVELLING_ID;

    private final IncomingRequest request;

    public CorrelationIdFilter(IncomingRequest request) {
        this.request = request;
    }

    @ServerRequestFilter(preMatching = true)
    public void accept(ContainerRequestContext context) {
        String given = context.getHeaderString(HEADER);
        String correlationId = given == null || given.isBlank() ? UUID.randomUUID().toString() : given.strip();
        context.setProperty(PROPERTY, correlationId);
        MDC.put(PROPERTY, correlationId);
        if (!ACCEPTED.matcher(correlationId).matches()) {
            throw new InvalidInput(HEADER, HEADER + " must be 1 to 100 letters, digits or . _ : -");
        }
        request.identify(correlationId, context.getMethod(), context.getUriInfo().getPath());
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object correlationId = request.getProperty(PROPERTY);
        if (correlationId != null && ACCEPTED.matcher(correlationId.toString()).matches()) {
            response.getHeaders().putSingle(HEADER, correlationId);
        }
        MDC.remove(PROPERTY);
    }
}
