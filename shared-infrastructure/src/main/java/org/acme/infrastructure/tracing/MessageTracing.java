package org.acme.infrastructure.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries a trace across the broker (decision 0017). The command's span (the HTTP request, or the
 * handling of a message) is written with its outbox row as a W3C {@code traceparent}; the relay
 * publishes the row in a PRODUCER span, child of that one, and sends the span as the message's
 * {@code traceparent} header; the subscriber handles each try in a CONSUMER span, child of the header's,
 * and current while it runs, so that the events it writes to its own outbox carry the trace on.
 * The connector's own tracing is off: it would make a second, parallel span of every message.
 * Off (the SDK disabled, the default) every method answers at once with nothing.
 */
@ApplicationScoped
public class MessageTracing {

    /** The AMQP header, as the W3C Trace Context names it over HTTP. */
    public static final String HEADER = "traceparent";
    private static final TextMapGetter<String> TRACE_PARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    private final Tracer tracer;
    private final boolean enabled;

    public MessageTracing(Tracer tracer, @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean disabled) {
        this.tracer = tracer;
        this.enabled = !disabled;
    }

    /** The {@code traceparent} of the span current now (a command's request, a message's handling), or null. */
    public String currentTraceParent() {
        return enabled ? traceParentOf(Span.current()) : null;
    }

    /** The PRODUCER span of a message the relay publishes, child of the span its row recorded; invalid when there is none. */
    public Span publishing(String traceParent, String exchange, String routingKey, String messageId) {
        if (!enabled || traceParent == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("publish " + exchange)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parentOf(traceParent))
                .setAttribute("messaging.system", "rabbitmq")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", exchange)
                .setAttribute("messaging.rabbitmq.destination.routing_key", routingKey)
                .setAttribute("messaging.message.id", messageId)
                .startSpan();
    }

    /**
     * The CONSUMER span of one try of a message, child of the span its {@code traceparent} header names
     * (a trace of its own when it has none); invalid when tracing is off.
     */
    public Span processing(String traceParent, String queue, String messageId, String eventType) {
        if (!enabled) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("process " + queue)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(traceParent == null ? Context.root() : parentOf(traceParent))
                .setAttribute("messaging.system", "rabbitmq")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", queue)
                .setAttribute("messaging.message.id", messageId == null ? "" : messageId)
                .setAttribute("integration_event.type", eventType)
                .startSpan();
    }

    /** Ends a span with what became of its work: an error (and why) unless {@code failure} is null. */
    public static void end(Span span, String failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end();
    }

    /** The W3C {@code traceparent} naming a span, or null for an invalid (absent, or not sampled-in) one. */
    public static String traceParentOf(Span span) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : null;
    }

    private static Context parentOf(String traceParent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, TRACE_PARENT);
    }
}
