package org.acme.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acme.processes.LocalCredentials;
import org.acme.processes.ServiceProcess;
import org.acme.processes.TraceCollector;

/**
 * One version of the system (its repository: this one, or the baseline's worktree) started as its
 * packaged services, on fresh databases ({@code bench_*}) and the benchmark's virtual host.
 */
final class Deployment implements AutoCloseable {

    static final List<String> SERVICES = List.of("catalog", "inventory", "orders");
    private static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(60);

    /**
     * What the services run with beyond their own settings: traces exported to the benchmark's own
     * collector (decision 0017's tracing, on), async-profiler sampling each JVM's CPU, and a
     * variant's settings (environment variables, as an operator would set them) and JVM.
     */
    record Instruments(boolean tracing, boolean profiling, Map<String, String> settings, ServiceProcess.Jvm jvm) {

        static final Instruments NONE = new Instruments(false, false);

        Instruments(boolean tracing, boolean profiling) {
            this(tracing, profiling, Map.of(), ServiceProcess.Jvm.THIS);
        }
    }

    private final Path repository;
    private final Path logs;
    private final Instruments instruments;
    private final TraceCollector traces;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Double> secondsToReady = new LinkedHashMap<>();
    private long purged;

    private final boolean recordingArchives;

    private Deployment(Path repository, Path logs, Instruments instruments, TraceCollector traces, boolean recordingArchives) {
        this.repository = repository;
        this.logs = logs;
        this.instruments = instruments;
        this.traces = traces;
        this.recordingArchives = recordingArchives;
    }

    /** Fresh databases and virtual host, then the three services, each timed from its start to ready. */
    static Deployment start(Path repository, Path logs, Instruments instruments) throws Exception {
        awaitQuietMachine();
        for (String service : SERVICES) {
            Servers.freshDatabase(service, database(service));
        }
        Servers.freshVirtualHost();
        Deployment deployment = new Deployment(repository, logs, instruments, instruments.tracing() ? TraceCollector.start() : null,
                false);
        try {
            for (String service : SERVICES) {
                deployment.startService(service);
            }
            for (ServiceProcess service : deployment.running.values()) {
                service.awaitHealthy(Duration.ofSeconds(120));
            }
            return deployment;
        } catch (Exception | Error failed) {
            // A service left running would go on relaying and consuming in the next run's databases.
            deployment.close();
            throw failed;
        }
    }

    /**
     * A training start of the three services on the instruments' JVM, on fresh databases, unless
     * each already has a class-data archive of its current build for that JVM: they start, become
     * healthy and stop, and the JVM writes what they loaded into the archive every later start reads
     * (decision 0022). A baseline (a version from before it) is measured with the archive its build
     * made, if any, as it was.
     */
    static void recordClassArchives(Path repository, Path logs, Instruments instruments) throws Exception {
        if (!Files.exists(repository.resolve("service-processes/src/main/java/org/acme/processes/ClassArchive.java"))) {
            return;
        }
        boolean fresh = true;
        for (String service : SERVICES) {
            fresh &= ServiceProcess.hasFreshClassArchive(repository, service, instruments.jvm());
        }
        if (fresh) {
            return;
        }
        System.out.println("[benchmark] recording the services' class-data archives for " + instruments.jvm().home());
        for (String service : SERVICES) {
            Servers.freshDatabase(service, database(service));
        }
        Servers.freshVirtualHost();
        try (Deployment training = new Deployment(repository, logs, instruments, null, true)) {
            for (String service : SERVICES) {
                training.startService(service);
            }
            for (ServiceProcess service : training.running.values()) {
                service.awaitHealthy(Duration.ofSeconds(120));
            }
        }
    }

    /**
     * Waits (up to 60 s) until the cores are mostly idle: what ran before (PostgreSQL finishing the
     * queries of processes just stopped, a checkpoint) would otherwise be timed as start-up.
     */
    private static void awaitQuietMachine() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        double idle = 0;
        while (System.nanoTime() < deadline) {
            long[] before = cpuTimes();
            Thread.sleep(1_000);
            long[] after = cpuTimes();
            idle = (after[1] - before[1]) / (double) Math.max(1, after[0] - before[0]);
            if (idle >= 0.85) {
                return;
            }
        }
        System.out.println("[benchmark] the machine is still busy (" + Math.round(100 * idle) + " % idle): starting anyway");
    }

    /** Total and idle CPU time of the machine so far, from /proc/stat (in clock ticks). */
    private static long[] cpuTimes() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    /**
     * Starts one service and waits until it answers ready; the time it took is its start-up. The
     * others are already up (or not started yet), so it is measured without their start-up beside.
     */
    void startService(String service) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(service.toUpperCase() + "_DB", database(service),
                "RABBITMQ_VIRTUAL_HOST", Servers.VIRTUAL_HOST));
        if (!Files.exists(repository.resolve("scripts/provision"))) {
            // A version from before least privilege (a baseline) migrates as its run-time user and
            // declares other contexts' exchanges: it runs as the owner role and the administrator.
            environment.putAll(Map.of("PG_USER", LocalCredentials.ownerRole(service),
                    "PG_PASSWORD", LocalCredentials.ownerPassword(service),
                    "RABBITMQ_USERNAME", LocalCredentials.BROKER_ADMIN,
                    "RABBITMQ_PASSWORD", LocalCredentials.brokerPassword(LocalCredentials.BROKER_ADMIN)));
        }
        environment.putAll(instruments.settings());
        if (traces != null) {
            environment.putAll(Map.of("OTEL_SDK_DISABLED", "false", "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint()));
        }
        if (instruments.profiling()) {
            environment.put("JAVA_TOOL_OPTIONS", Profiles.agentOption(logs, service));
        }
        long start = System.nanoTime();
        ServiceProcess process = recordingArchives
                ? ServiceProcess.startRecordingClassArchive(repository, service, logs.resolve(service + ".log"), environment, instruments.jvm())
                : ServiceProcess.start(repository, service, logs.resolve(service + ".log"), environment, instruments.jvm());
        running.put(service, process);
        awaitReady(process);
        secondsToReady.put(service, Math.round((System.nanoTime() - start) / 1e7) / 100.0);
    }

    void stopService(String service) throws InterruptedException {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** The spans the services exported, when they run with tracing on; otherwise null. */
    TraceCollector traces() {
        return traces;
    }

    long pid(String service) {
        return running.get(service).pid();
    }

    String url(String service) {
        return running.get(service).url();
    }

    String managementUrl(String service) {
        return running.get(service).managementUrl();
    }

    double secondsToReady(String service) {
        return secondsToReady.get(service);
    }

    /** The resident memory of a running service, in MB. */
    long residentMegabytes(String service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + running.get(service).pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * Waits until the subscribers have nothing left in their queues (what one measurement left
     * behind must not be counted against the next), and answers how long that took, in seconds. A
     * backlog still there after {@link #CATCH_UP_PATIENCE} is purged (these databases are thrown
     * away after the run) and counted in {@link #purged()}: a version that cannot keep up would
     * otherwise take the rest of the run to catch up.
     */
    double awaitSubscribersCaughtUp() throws Exception {
        long start = System.nanoTime();
        long deadline = start + CATCH_UP_PATIENCE.toNanos();
        try (com.rabbitmq.client.Connection broker = Servers.broker("bench-backlog")) {
            while (backlog(broker, false) > 0) {
                if (System.nanoTime() > deadline) {
                    long dropped = backlog(broker, true);
                    purged += dropped;
                    System.out.println("[benchmark] purged a backlog of " + dropped + " messages the subscribers had not"
                            + " handled after " + CATCH_UP_PATIENCE.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }

    /** How many messages {@link #awaitSubscribersCaughtUp()} purged, over the whole run. */
    long purged() {
        return purged;
    }

    /** Messages waiting in the subscribers' queues (purged if asked: then what was purged). */
    private static long backlog(com.rabbitmq.client.Connection broker, boolean purge) throws Exception {
        long waiting = 0;
        for (String subscriber : List.of("orders", "inventory")) {
            try (com.rabbitmq.client.Channel channel = broker.createChannel()) {
                String queue = subscriber + ".integration-events";
                waiting += purge ? channel.queuePurge(queue).getMessageCount() : channel.queueDeclarePassive(queue).getMessageCount();
            }
        }
        return waiting;
    }

    static String database(String service) {
        return "bench_" + service;
    }

    /** Ready on the management interface, or, for a version from before it had one, on the public port. */
    private static void awaitReady(ServiceProcess process) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        List<HttpRequest> readiness = List.of(process.managementUrl(), process.url()).stream()
                .map(base -> HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build())
                .toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.tailOfLog());
            }
            for (HttpRequest ready : readiness) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet, or no management interface in this version.
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(process.name() + " was not ready within 120 s:\n" + process.tailOfLog());
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess process : running.values()) {
            process.close();
        }
        running.clear();
        if (traces != null) {
            traces.close();
        }
    }
}
