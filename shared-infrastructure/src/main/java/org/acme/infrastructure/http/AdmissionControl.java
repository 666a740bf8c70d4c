package org.acme.infrastructure.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses early instead of queueing without bound. At most {@code max-in-flight} API requests are
 * handled at once; the next one is answered at once {@code 503} problem+json with
 * {@code Retry-After}, before it takes a database connection or a place in a queue. Without it, an
 * offer above capacity piles up behind the pool: every request waits, the accepted ones answer in
 * seconds, and throughput falls (docs/benchmarks.md). The bound is a concurrency, not a rate: it
 * follows whatever the machine can do. The default (64, about three requests per pooled
 * connection) keeps the pool busy and the wait in front of it to a few tens of milliseconds.
 * Health, metrics and the API description are served by the management interface, another router
 * this bound never sees: they answer while the API is overloaded.
 */
@ApplicationScoped
public class AdmissionControl {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);
    private static final int BEFORE_EVERY_OTHER_ROUTE = -1_000;

    private final int maxInFlight;
    private final byte[] refusal;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refusedSinceLastLog = new AtomicInteger();

    public AdmissionControl(@ConfigProperty(name = "integration-events.http.max-in-flight", defaultValue = "64") int maxInFlight,
                            ObjectMapper json) throws JsonProcessingException {
        this.maxInFlight = maxInFlight;
        this.refusal = json.writeValueAsBytes(new Problem("https://acme.org/problems/overloaded", "Service overloaded", 503,
                "the service is handling as many requests as it can; nothing was changed, retry after the delay given",
                null, null, null));
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_EVERY_OTHER_ROUTE).handler(this::admit);
    }

    private void admit(RoutingContext request) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refuse(request);
            return;
        }
        request.addEndHandler(ended -> inFlight.decrementAndGet());
        request.next();
    }

    private void refuse(RoutingContext request) {
        if (refusedSinceLastLog.getAndIncrement() % 1_000 == 0) {
            LOG.warnf("overloaded: %d requests in flight, refusing more with 503 (max-in-flight %d)", maxInFlight, maxInFlight);
        }
        request.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, "1")
                .end(Buffer.buffer(refusal));
    }

    /** Requests being handled now (for tests and metrics). */
    int inFlight() {
        return inFlight.get();
    }
}
