package org.acme.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in seconds, with small counts, against the packaged services, tracing off and on:
 * it proves the command still runs end to end and fills every row of its report (the saga's hops
 * among them, which only complete traces give). No figure is judged here —
 * figures live in docs/benchmarks.md, from a full run.
 */
class BenchmarkSmokeIT {

    @Test
    void theBenchmarkRunsEndToEnd_andReportsEveryMeasurement() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

        String report = Benchmark.run(repository, Settings.smokeRun(), new Benchmark.Plan(1, true, java.util.List.of(), java.util.List.of())).markdown();

        assertThat(report)
                .contains("postgres transactions/s, 16 clients")
                .contains("broker confirmed publishes/s, pipelined")
                .contains("ingest, open loop 2x capacity: accepted p99 (ms)")
                .contains("saga at 100 orders/s, one fresh product: p50 (ms)")
                .contains("saga at 100 orders/s, one fresh product: CPU per order, inventory (ms)")
                .contains("saga, one fresh product: orders/s the cores could carry at that CPU per order")
                .contains("saga at the highest rate sustained, one fresh product: CPU per order, PostgreSQL (ms)")
                .contains("relay drain of 5000 rows: rows/s")
                .contains("relay drain of 5000 rows, seen arriving on a queue: rows/s")
                .contains("tracing on")
                .contains("saga hop at 100 orders/s, one fresh product, inventory reserves (its transaction): p50 (ms)")
                .contains("RSS under load, largest service (MB)")
                .contains("| relay drain ≥ 70 % of pipelined confirms |");
        assertThat(report).doesNotContain("| -1 |").doesNotContain("| -1.0 |");
    }
}
