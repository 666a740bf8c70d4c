package org.acme.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one part of the run (the machine's limits, or one version of the system), by
 * name, in the order they were measured: what docs/benchmarks.md and its JSON file show.
 */
final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String name, Object value) {
        values.put(name, value);
        System.out.println("[benchmark]   " + name + ": " + value);
    }

    Object get(String name) {
        return values.get(name);
    }

    double number(String name) {
        Object value = values.get(name);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    Map<String, Object> asMap() {
        return values;
    }
}
