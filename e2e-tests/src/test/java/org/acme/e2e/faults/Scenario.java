package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault scenario from start to verdict: a fresh cluster, a stocked shop, the tap on every
 * exchange, a workload, the fault (the test's own code), then the checker until the system has
 * settled; the figures go to {@code target/reliability/<name>.json} for docs/reliability.md.
 * Whatever happens, the local servers are left running and without alarms.
 */
final class Scenario implements AutoCloseable {

    /** The figures one scenario adds to docs/reliability.md. */
    record Result(String scenario, String title, String load, String faults, long ok, long failed, long unknown,
                  long lost, long appliedTwice, long failedButApplied, long outOfOrder, long deadLettered,
                  double catchUpSeconds, boolean settled, Map<String, Object> measurements) {
    }

    static final int PRODUCTS = 8;
    /** How many of its last warnings and errors each instance shows when a scenario fails. */
    private static final int WARNINGS_SHOWN = 15;

    private final String name;
    private final Cluster cluster;
    private final Shop shop;
    private final Tap tap;
    private final Map<String, Object> measurements = new LinkedHashMap<>();
    private Workload workload;

    private Scenario(String name, Cluster cluster, Shop shop, Tap tap) {
        this.name = name;
        this.cluster = cluster;
        this.shop = shop;
        this.tap = tap;
    }

    static Scenario start(String name, int catalogs, int orders, int inventories) throws Exception {
        return start(name, catalogs, orders, inventories, Map.of());
    }

    /** A scenario whose services run with settings of its own (environment variables). */
    static Scenario start(String name, Map<String, String> settings) throws Exception {
        return start(name, 1, 1, 1, settings);
    }

    private static Scenario start(String name, int catalogs, int orders, int inventories, Map<String, String> settings)
            throws Exception {
        Cluster cluster = Cluster.start(name, catalogs, orders, inventories, settings);
        try {
            Tap tap = Tap.on(Cluster.SERVICES);
            Shop shop = Shop.open(cluster, new Http(Duration.ofSeconds(10)), PRODUCTS);
            return new Scenario(name, cluster, shop, tap);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    static Scenario start(String name) throws Exception {
        return start(name, 1, 1, 1);
    }

    Cluster cluster() {
        return cluster;
    }

    Shop shop() {
        return shop;
    }

    Tap tap() {
        return tap;
    }

    /** Starts the clients; one workload per scenario. */
    Workload load(double commandsPerSecond) {
        workload = Workload.start(cluster, shop, commandsPerSecond);
        return workload;
    }

    Workload workload() {
        return workload;
    }

    /** Waits until everything sent so far has been delivered and applied (the workload paused). */
    void awaitDrained() throws InterruptedException {
        Checker.Settled settled = new Checker(cluster, workload, tap).awaitSettled(Instant.now(), Duration.ofSeconds(60), 0);
        assertThat(settled.inTime()).as(() -> String.format("%s: drained before the fault; the checker found: %s%s", name,
                settled.verdict(), cluster.lastWarnings(WARNINGS_SHOWN))).isTrue();
    }

    void measure(String what, Object value) {
        measurements.put(what, value);
    }

    /**
     * Stops the load, waits for the system to settle (counting from the end of the fault), records
     * the figures and asserts that nothing was lost, doubled, misapplied or reordered.
     */
    Result finish(String title, String load, String faults, Instant faultEnded, Duration catchUpLimit,
                  long expectedDeadLetters) throws InterruptedException, IOException {
        workload.stop();
        Checker.Settled settled = new Checker(cluster, workload, tap).awaitSettled(faultEnded, catchUpLimit, expectedDeadLetters);
        Verdict verdict = settled.verdict();
        Result result = new Result(name, title, load, faults, workload.count(Operation.Outcome.OK),
                workload.count(Operation.Outcome.FAILED), workload.count(Operation.Outcome.UNKNOWN), verdict.lost(),
                verdict.appliedTwice(), verdict.failedButApplied(), verdict.outOfOrder(), verdict.deadLettered(),
                Math.round(settled.catchUp().toMillis() / 100.0) / 10.0, settled.inTime(), measurements);
        write(result);
        assertThat(settled.inTime())
                .as(() -> String.format("%s: the system settled within %s of the fault's end; the checker found: %s%s", name,
                        catchUpLimit, verdict, cluster.lastWarnings(WARNINGS_SHOWN)))
                .isTrue();
        return result;
    }

    private static void write(Result result) throws IOException {
        Path directory = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize()
                .resolve("e2e-tests/target/reliability");
        Files.createDirectories(directory);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve(result.scenario() + ".json").toFile(), result);
    }

    @Override
    public void close() throws Exception {
        try {
            if (workload != null) {
                workload.stop();
            }
        } finally {
            LocalServers.startPostgres();
            LocalServers.startBroker();
            LocalServers.memoryAlarm(false);
            cluster.close();
        }
    }
}
