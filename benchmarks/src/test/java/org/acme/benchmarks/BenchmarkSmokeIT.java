package org.acme.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in seconds, with small counts, against the packaged services: it proves the
 * command still runs end to end and fills every row of its report. No figure is judged here —
 * figures live in docs/benchmarks.md, from a full run.
 */
class BenchmarkSmokeIT {

    @Test
    void theBenchmarkRunsEndToEnd_andReportsEveryMeasurement() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

        String report = Benchmark.run(repository, Settings.smokeRun(), null).markdown();

        assertThat(report)
                .contains("postgres transactions/s, 16 clients")
                .contains("broker confirmed publishes/s, pipelined")
                .contains("ingest, open loop 2x capacity: accepted p99 (ms)")
                .contains("saga at 100 orders/s, one fresh product: p50 (ms)")
                .contains("relay drain of 5000 rows: rows/s")
                .contains("RSS under load, largest service (MB)")
                .contains("| relay drain ≥ 70 % of pipelined confirms |");
        assertThat(report).doesNotContain("| -1 |").doesNotContain("| -1.0 |");
    }
}
