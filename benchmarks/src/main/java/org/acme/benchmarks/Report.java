package org.acme.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the run's figures: a JSON file, and the tables of docs/benchmarks.md (between its BEGIN
 * and END markers; what the page says around them is written by hand). Printed too.
 */
final class Report {

    static final String BEGIN = "<!-- BEGIN figures: written by scripts/benchmark.sh -->";
    static final String END = "<!-- END figures -->";

    /** A target of the project, checked against this version's figures. */
    private record Target(String name, String figure, double bound, boolean atMost, String unit) {
    }

    /** One version as measured, run by run, and summarised (each figure's median over the runs). */
    record Column(String label, List<Figures> runs, Figures summary) {

        Column(String label, List<Figures> runs) {
            this(label, List.copyOf(runs), Figures.medianOf(runs));
        }

        /** The median, and with more than one run its min–max. */
        String cell(String name) {
            Object value = summary.get(name);
            if (value == null) {
                return "-";
            }
            Figures.Spread spread = summary.spread(name);
            String median = value instanceof Number number ? format(number.doubleValue()) : value.toString();
            return runs.size() > 1 && spread != null && spread.min() != spread.max() ? median + " (" + spread + ")" : median;
        }
    }

    private final String machine;
    private final String commit;
    private final Figures limits;
    private final List<Column> columns;

    Report(String machine, String commit, Figures limits, List<Column> columns) {
        this.machine = machine;
        this.commit = commit;
        this.limits = limits;
        this.columns = List.copyOf(columns);
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        int runs = columns.get(0).runs().size();
        lines.add("Measured by `scripts/benchmark.sh` on " + when + ", commit `" + commit + "`, on " + machine
                + ". Everything ran on that one machine: PostgreSQL, RabbitMQ, the three services and the load. "
                + (runs > 1 ? "Each version ran " + runs + " times, the versions taking turns; each figure is the median of its runs,"
                + " with the lowest and highest in brackets (none when they agree)." : "One run of each version."));
        lines.add("");
        lines.add("### What this machine allows");
        lines.add("");
        lines.add("| measurement | value |");
        lines.add("|---|---:|");
        limits.asMap().forEach((name, value) -> lines.add("| " + name + " | " + value + " |"));
        lines.add("");
        lines.add("### The system");
        lines.add("");
        lines.add("| measurement | " + String.join(" | ", columns.stream().map(Column::label).toList()) + " |");
        lines.add("|---|" + "---:|".repeat(columns.size()));
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(column -> names.addAll(column.summary().asMap().keySet()));
        for (String name : names) {
            lines.add("| " + name + " | " + String.join(" | ", columns.stream().map(column -> column.cell(name)).toList()) + " |");
        }
        lines.add("");
        lines.add("### Ratios to the limits (of the medians)");
        lines.add("");
        lines.add("| ratio | " + String.join(" | ", columns.stream().map(Column::label).toList()) + " |");
        lines.add("|---|" + "---:|".repeat(columns.size()));
        for (String name : ratios(columns.get(0).summary()).keySet()) {
            lines.add("| " + name + " | " + String.join(" | ", columns.stream()
                    .map(column -> format(ratios(column.summary()).getOrDefault(name, Double.NaN)) + " %").toList()) + " |");
        }
        lines.add("");
        lines.add("### The targets, for this version (its medians)");
        lines.add("");
        lines.add("| target | measured | met |");
        lines.add("|---|---:|---|");
        Figures current = columns.get(0).summary();
        for (Target target : targets(current)) {
            double value = target.figure().startsWith("ratio: ") ? ratios(current).getOrDefault(target.figure().substring(7), Double.NaN)
                    : current.number(target.figure());
            boolean met = !Double.isNaN(value) && (target.atMost() ? value <= target.bound() : value >= target.bound());
            lines.add("| " + target.name() + " | " + format(value) + target.unit() + " | " + (met ? "yes" : "**no**") + " |");
        }
        return String.join("\n", lines);
    }

    void write(Path page, Path json) throws IOException {
        String text = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        if (!text.contains(BEGIN) || !text.contains(END)) {
            throw new IllegalStateException(page + " has no " + BEGIN + " ... " + END + " section to fill");
        }
        String before = text.substring(0, text.indexOf(BEGIN));
        String after = text.substring(text.indexOf(END) + END.length());
        Files.writeString(page, before + BEGIN + "\n" + markdown() + "\n" + END + after);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("commit", commit);
        all.put("machine", machine);
        all.put("limits", limits.asMap());
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("label", column.label());
            version.put("medians", column.summary().asMap());
            version.put("runs", column.runs().stream().map(Figures::asMap).toList());
            versions.add(version);
        }
        all.put("versions", versions);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), all);
    }

    private Map<String, Double> ratios(Figures system) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (int clients : List.of(4, 16)) {
            ratios.put("ingest, " + clients + " clients / PostgreSQL, " + clients + " clients", percent(
                    system.number("ingest, closed loop " + clients + " clients: accepted/s"),
                    limits.number("postgres transactions/s, " + clients + " clients")));
        }
        ratios.put("ingest, catalog alone, 16 clients / PostgreSQL, 16 clients", percent(
                system.number("ingest, closed loop 16 clients, catalog alone: accepted/s"),
                limits.number("postgres transactions/s, 16 clients")));
        String drain = system.asMap().keySet().stream().filter(name -> name.startsWith("relay drain")).findFirst().orElse("");
        ratios.put("relay drain / pipelined confirmed publishes", percent(system.number(drain),
                limits.number("broker confirmed publishes/s, pipelined (batches of " + BrokerLimit.BATCH + ")")));
        return ratios;
    }

    private static List<Target> targets(Figures current) {
        String history = current.asMap().keySet().stream().filter(name -> name.contains("events of history") && name.endsWith("p50 (ms)"))
                .findFirst().orElse("");
        String spread = current.asMap().keySet().stream().filter(name -> name.startsWith("saga, ") && name.contains(" products:")
                && !name.contains("one ") && name.contains("highest rate")).findFirst().orElse("");
        String historyRate = current.asMap().keySet().stream().filter(name -> name.startsWith("saga, ") && name.contains("events of history")
                && name.contains("highest rate")).findFirst().orElse("");
        return List.of(
                new Target("relay drain ≥ 70 % of pipelined confirms", "ratio: relay drain / pipelined confirmed publishes", 70, false, " %"),
                new Target("ingest ≥ 30 % of PostgreSQL, 16 clients", "ratio: ingest, 16 clients / PostgreSQL, 16 clients", 30, false, " %"),
                new Target("commit → broker p99 ≤ 30 ms at 200/s (from the command: an upper bound)", "ingest, open loop 200/s: command to broker p99 (ms)", 30, true, " ms"),
                new Target("saga p50 ≤ 25 ms at 100 orders/s, one fresh product", "saga at 100 orders/s, one fresh product: p50 (ms)", 25, true, " ms"),
                new Target("saga p50 ≤ 25 ms at 100 orders/s, a product with a long history", history, 25, true, " ms"),
                new Target("saga ≥ 400 orders/s with p99 < 1 s, one hot product",
                        "saga, one fresh product: highest rate with p99 < 1 s (orders/s)", 400, false, " orders/s"),
                new Target("saga ≥ 400 orders/s with p99 < 1 s, a product with a long history", historyRate, 400, false, " orders/s"),
                new Target("saga ≥ 400 orders/s with p99 < 1 s, spread over many products", spread, 400, false, " orders/s"),
                new Target("overload (2× capacity): every answer p99 < 1 s", "ingest, open loop 2x capacity: every answer, accepted or refused, p99 (ms)",
                        1000, true, " ms"),
                new Target("overload (2× capacity): accepted ≥ 90 % of capacity", "overload: accepted / capacity (%)", 90, false, " %"),
                new Target("ready ≤ 1.5 s (slowest service)", "start-up to ready, slowest service (s)", 1.5, true, " s"),
                new Target("RSS ≤ 200 MB under load (largest service)", "RSS under load, largest service (MB)", 200, true, " MB"));
    }

    private static double percent(double part, double whole) {
        return Double.isNaN(part) || Double.isNaN(whole) || whole == 0 ? Double.NaN : Math.round(1000 * part / whole) / 10.0;
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
