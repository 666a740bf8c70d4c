package org.acme.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one part of the run (the machine's limits, or one version of the system), by
 * name, in the order they were measured: what docs/benchmarks.md and its JSON file show. Figures
 * summarising several runs ({@link #medianOf}) hold each median, with the runs' lowest and highest.
 */
final class Figures {

    /** The lowest and highest of a figure over the runs it summarises. */
    record Spread(double min, double max) {

        @Override
        public String toString() {
            return Report.format(min) + "–" + Report.format(max);
        }
    }

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Spread> spreads = new LinkedHashMap<>();

    void put(String name, Object value) {
        values.put(name, value);
        System.out.println("[benchmark]   " + name + ": " + value);
    }

    /**
     * Each figure's median over the runs (of an even number, the mean of the middle two), with its
     * spread; a figure not every run has is summarised over the runs that have it.
     */
    static Figures medianOf(List<Figures> runs) {
        Figures summary = new Figures();
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(run -> names.addAll(run.values.keySet()));
        for (String name : names) {
            List<Double> numbers = new ArrayList<>();
            for (Figures run : runs) {
                double number = run.number(name);
                if (!Double.isNaN(number)) {
                    numbers.add(number);
                }
            }
            if (numbers.isEmpty()) {
                runs.stream().map(run -> run.get(name)).filter(java.util.Objects::nonNull).findFirst()
                        .ifPresent(value -> summary.values.put(name, value));
                continue;
            }
            numbers.sort(Double::compare);
            int middle = numbers.size() / 2;
            double median = numbers.size() % 2 == 1 ? numbers.get(middle) : (numbers.get(middle - 1) + numbers.get(middle)) / 2;
            summary.values.put(name, Math.round(median * 10) / 10.0);
            summary.spreads.put(name, new Spread(numbers.get(0), numbers.get(numbers.size() - 1)));
        }
        return summary;
    }

    Object get(String name) {
        return values.get(name);
    }

    /** The spread of a summarised figure, or null for a figure of one run. */
    Spread spread(String name) {
        return spreads.get(name);
    }

    double number(String name) {
        Object value = values.get(name);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    Map<String, Object> asMap() {
        return values;
    }
}
