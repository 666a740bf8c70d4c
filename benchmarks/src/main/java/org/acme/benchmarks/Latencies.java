package org.acme.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies collected from many threads, summarised as percentiles in milliseconds. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long latencyNanos) {
        nanos.add(latencyNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The p-th percentile in milliseconds (one decimal), or -1 without samples. */
    double percentile(double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, index)) / 100_000.0) / 10.0;
    }
}
