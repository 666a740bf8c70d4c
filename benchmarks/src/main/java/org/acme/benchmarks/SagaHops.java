package org.acme.benchmarks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acme.processes.TraceCollector;
import org.acme.processes.TraceCollector.ReceivedSpan;

/**
 * Where an order's time goes, from its trace (decision 0017): the five spans of one saga, on one
 * clock (every service runs on this machine), cut into the seven hops between them. They add up to
 * the saga's time from the request reaching orders to orders having confirmed.
 */
final class SagaHops {

    /** The hops, in the order an order passes them. */
    static final List<String> HOPS = List.of(
            "orders handles POST /orders (to its answer)",
            "orders' outbox row waits for its relay",
            "OrderPlaced: publish, broker, inventory's queue",
            "inventory reserves (its transaction)",
            "inventory's outbox row waits for its relay",
            "StockReserved: publish, broker, orders' queue",
            "orders confirms (its transaction)");

    private final Map<String, Latencies> byHop = new LinkedHashMap<>();
    private int traced;

    private SagaHops() {
        HOPS.forEach(hop -> byHop.put(hop, new Latencies()));
    }

    /** The hops of every complete saga trace the collector holds. */
    static SagaHops of(TraceCollector traces) {
        SagaHops hops = new SagaHops();
        traces.traces().values().forEach(hops::add);
        return hops;
    }

    int traced() {
        return traced;
    }

    double percentile(String hop, double p) {
        return byHop.get(hop).percentile(p);
    }

    private void add(List<ReceivedSpan> trace) {
        Optional<ReceivedSpan> post = first(trace, "orders-service", "SPAN_KIND_SERVER");
        Optional<ReceivedSpan> publishPlaced = first(trace, "orders-service", "SPAN_KIND_PRODUCER");
        Optional<ReceivedSpan> handlePlaced = first(trace, "inventory-service", "SPAN_KIND_CONSUMER");
        Optional<ReceivedSpan> publishReserved = first(trace, "inventory-service", "SPAN_KIND_PRODUCER");
        Optional<ReceivedSpan> handleReserved = first(trace, "orders-service", "SPAN_KIND_CONSUMER");
        if (post.isEmpty() || publishPlaced.isEmpty() || handlePlaced.isEmpty() || publishReserved.isEmpty()
                || handleReserved.isEmpty() || !post.get().name().contains("/orders")) {
            return; // not a saga, or not all of it exported yet
        }
        // A try given up and tried again is more than one span: from the first's start to the last's end.
        long[] points = {post.get().startNanos(), post.get().endNanos(), publishPlaced.get().startNanos(),
                handlePlaced.get().startNanos(), last(trace, "inventory-service", "SPAN_KIND_CONSUMER"),
                publishReserved.get().startNanos(), handleReserved.get().startNanos(),
                last(trace, "orders-service", "SPAN_KIND_CONSUMER")};
        for (int hop = 0; hop < HOPS.size(); hop++) {
            byHop.get(HOPS.get(hop)).add(Math.max(0, points[hop + 1] - points[hop]));
        }
        traced++;
    }

    private static Optional<ReceivedSpan> first(List<ReceivedSpan> trace, String service, String kind) {
        return spans(trace, service, kind).min(Comparator.comparingLong(ReceivedSpan::startNanos));
    }

    private static long last(List<ReceivedSpan> trace, String service, String kind) {
        return spans(trace, service, kind).mapToLong(ReceivedSpan::endNanos).max().orElseThrow();
    }

    private static java.util.stream.Stream<ReceivedSpan> spans(List<ReceivedSpan> trace, String service, String kind) {
        return trace.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind));
    }
}
