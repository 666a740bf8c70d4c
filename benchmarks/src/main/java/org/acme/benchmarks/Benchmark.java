package org.acme.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acme.processes.ServiceProcess;

/**
 * One command (scripts/benchmark.sh) that measures what this machine allows — PostgreSQL with a
 * command's transaction, RabbitMQ with the relay's publishes — then the system against it: command
 * ingest (closed and open loop, overloaded), the relay draining a backlog, the order saga, start-up
 * and memory; and, with {@code --baseline <ref>}, the same for another commit, side by side.
 *
 * <pre>
 *   --smoke             seconds and small counts (the test command runs it: it cannot rot)
 *   --runs N            each version measured N times (3 unless said): every figure is the median, with min–max
 *   --tracing           this version measured again with tracing on, beside it (its cost, and the saga's hops)
 *   --variant V         this version measured again, beside it, with V: comma-separated NAME=VALUE (an
 *                       environment variable), java=PATH (another Java installation), -XX:... (a JVM option
 *                       after jvm.options); may be given more than once
 *   --baseline REF      build REF in a worktree and measure it too; may be given more than once
 *   --only PARTS        some parts (ingest, saga, relay) once, printed, not written (with the first --variant, if given)
 *   --profile           with --only: each service sampled by async-profiler, summarised
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** What one invocation measures besides the machine's limits and this version. */
    record Plan(int runs, boolean tracing, List<String> baselineRefs, List<Variant> variants) {
    }

    /** This version run another way: services' settings, another JVM, more JVM options. */
    record Variant(String label, Map<String, String> settings, ServiceProcess.Jvm jvm) {

        /** Comma-separated NAME=VALUE, java=PATH and -JVM-options. */
        static Variant of(String spec) {
            Map<String, String> settings = new LinkedHashMap<>();
            Path home = ServiceProcess.Jvm.THIS.home();
            List<String> options = new ArrayList<>();
            for (String part : spec.split(",")) {
                String entry = part.strip();
                int equals = entry.indexOf('=');
                if (entry.startsWith("-")) {
                    options.add(entry);
                } else if (entry.startsWith("java=")) {
                    home = Path.of(entry.substring("java=".length()));
                } else if (equals > 0) {
                    settings.put(entry.substring(0, equals), entry.substring(equals + 1));
                } else {
                    throw new IllegalArgumentException("--variant takes NAME=VALUE, java=PATH or -JVM-OPTION, not " + entry);
                }
            }
            return new Variant(spec, settings, new ServiceProcess.Jvm(home, options));
        }

        Deployment.Instruments instruments() {
            return new Deployment.Instruments(false, false, settings, jvm);
        }

        /** The heading of its column: the version, then each entry of the variant. */
        String column(String commit) {
            return "`" + commit + "`, " + Arrays.stream(label.split(",")).map(entry -> "`" + entry.strip() + "`")
                    .collect(Collectors.joining(" "));
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean smoke = options.contains("--smoke");
        Path repository = Path.of(System.getProperty("repository.root", ".")).toAbsolutePath().normalize();
        Settings settings = smoke ? Settings.smokeRun() : Settings.fullRun();
        String only = valueOf(options, "--only");
        if (only != null) {
            // Parts measured while working on them: printed only, never written over the docs.
            // No comma in the folder: async-profiler's options are comma-separated, and a profile's file
            // name cut at one was never written (--only ingest,relay --profile recorded nothing).
            Path logs = repository.resolve("benchmarks/target/logs-" + only.replace(',', '+'));
            String variant = valueOf(options, "--variant");
            Deployment.Instruments varied = variant == null ? Deployment.Instruments.NONE : Variant.of(variant).instruments();
            Deployment.Instruments instruments = new Deployment.Instruments(options.contains("--tracing"), options.contains("--profile"),
                    varied.settings(), varied.jvm());
            Profiles.forgetEarlier(logs);
            Deployment.recordClassArchives(repository, logs.resolve("training"), varied);
            try (Deployment system = Deployment.start(repository, logs, instruments)) {
                MemorySampler memory = new MemorySampler(system);
                for (String part : only.split(",")) {
                    measurePart(part, system, settings, new Figures(), memory);
                    system.awaitSubscribersCaughtUp();
                }
                putRssUnderLoad(new Figures(), memory);
            }
            if (instruments.profiling()) {
                System.out.println(Profiles.summarise(logs));
                log("profiles (collapsed stacks, for any flame-graph tool) in " + logs);
            }
            System.exit(0);
        }
        String runs = valueOf(options, "--runs");
        run(repository, settings, new Plan(runs != null ? Integer.parseInt(runs) : smoke ? 1 : 3, options.contains("--tracing"),
                valuesOf(options, "--baseline"), valuesOf(options, "--variant").stream().map(Variant::of).toList()));
        System.exit(0);
    }

    /** Runs everything and answers the report it wrote. */
    static Report run(Path repository, Settings settings, Plan plan) throws Exception {
        Path target = repository.resolve("benchmarks/target");
        Files.createDirectories(target);
        Figures limits = new Figures();
        log("measuring PostgreSQL and RabbitMQ alone");
        new PostgresLimit(repository).measure(settings, limits);
        Servers.freshVirtualHost();
        new BrokerLimit().measure(settings, limits);
        String commit = Baseline.output(repository, List.of("git", "rev-parse", "--short", "HEAD")).strip();
        List<Report.Column> columns = new ArrayList<>();
        // The versions take turns run by run, so that a slow minute of this shared machine falls on
        // one run of each rather than on all the runs of one.
        List<Figures> current = new ArrayList<>();
        List<Figures> traced = new ArrayList<>();
        List<List<Figures>> varied = new ArrayList<>();
        plan.variants().forEach(variant -> varied.add(new ArrayList<>()));
        List<List<Figures>> baselines = new ArrayList<>();
        List<Baseline> checkedOut = new ArrayList<>();
        try {
            for (String ref : plan.baselineRefs()) {
                checkedOut.add(Baseline.checkOut(repository, ref, checkedOut.size() + 1));
                baselines.add(new ArrayList<>());
            }
            Deployment.recordClassArchives(repository, target.resolve("logs-training"), Deployment.Instruments.NONE);
            for (int v = 0; v < plan.variants().size(); v++) {
                Deployment.recordClassArchives(repository, target.resolve("logs-training-variant-" + (v + 1)),
                        plan.variants().get(v).instruments());
            }
            for (int b = 0; b < checkedOut.size(); b++) {
                Deployment.recordClassArchives(checkedOut.get(b).repository(), target.resolve("logs-training-baseline-" + (b + 1)),
                        checkedOut.get(b).instruments());
            }
            for (int run = 1; run <= plan.runs(); run++) {
                log("run " + run + " of " + plan.runs() + ": this version " + commit);
                current.add(measureSystem(repository, settings, target.resolve("logs-" + run), Deployment.Instruments.NONE));
                if (plan.tracing()) {
                    log("run " + run + " of " + plan.runs() + ": this version, tracing on");
                    traced.add(measureSystem(repository, settings, target.resolve("logs-traced-" + run), new Deployment.Instruments(true, false)));
                }
                for (int v = 0; v < plan.variants().size(); v++) {
                    Variant variant = plan.variants().get(v);
                    log("run " + run + " of " + plan.runs() + ": this version with " + variant.label());
                    varied.get(v).add(measureSystem(repository, settings, target.resolve("logs-variant-" + (v + 1) + "-" + run),
                            variant.instruments()));
                }
                for (int b = 0; b < checkedOut.size(); b++) {
                    Baseline baseline = checkedOut.get(b);
                    log("run " + run + " of " + plan.runs() + ": the baseline " + baseline.commit());
                    baselines.get(b).add(measureSystem(baseline.repository(), settings,
                            target.resolve("logs-baseline-" + (b + 1) + "-" + run), baseline.instruments()));
                }
            }
        } finally {
            for (Baseline baseline : checkedOut) {
                baseline.close();
            }
        }
        columns.add(new Report.Column("`" + commit + "` (this version)", current));
        if (plan.tracing()) {
            columns.add(new Report.Column("`" + commit + "`, tracing on", traced));
        }
        for (int v = 0; v < plan.variants().size(); v++) {
            columns.add(new Report.Column(plan.variants().get(v).column(commit), varied.get(v)));
        }
        for (int b = 0; b < checkedOut.size(); b++) {
            columns.add(new Report.Column("`" + checkedOut.get(b).commit() + "` (baseline)", baselines.get(b)));
        }
        Report report = new Report(machine(), commit, limits, columns);
        Path page = settings.smoke() ? target.resolve("benchmarks-smoke.md") : repository.resolve("docs/benchmarks.md");
        Path json = settings.smoke() ? target.resolve("benchmarks-smoke.json") : repository.resolve("docs/benchmarks.json");
        report.write(page, json);
        System.out.println(report.markdown());
        log("written: " + page + " and " + json);
        return report;
    }

    private static List<String> valuesOf(List<String> options, String option) {
        List<String> values = new ArrayList<>();
        for (int at = 0; at + 1 < options.size(); at++) {
            if (options.get(at).equals(option)) {
                values.add(options.get(at + 1));
            }
        }
        return values;
    }

    private static String valueOf(List<String> options, String option) {
        return valuesOf(options, option).stream().findFirst().orElse(null);
    }

    private static void measurePart(String part, Deployment system, Settings settings, Figures figures, MemorySampler memory)
            throws Exception {
        switch (part) {
            case "ingest" -> {
                new IngestBench(system, settings).warmUp(memory);
                new IngestBench(system, settings).measure(figures, memory);
            }
            case "saga" -> {
                new SagaBench(system, settings).warmUp(memory);
                new SagaBench(system, settings).measure(figures, memory);
            }
            case "relay" -> new RelayDrainBench(system, settings).measure(figures);
            default -> throw new IllegalArgumentException("--only takes ingest, saga or relay, not " + part);
        }
    }

    private static Figures measureSystem(Path repository, Settings settings, Path logs, Deployment.Instruments instruments)
            throws Exception {
        Figures figures = new Figures();
        try (Deployment system = Deployment.start(repository, logs, instruments)) {
            double slowest = 0;
            for (String service : Deployment.SERVICES) {
                figures.put("start-up to ready, " + service + " (s)", system.secondsToReady(service));
                slowest = Math.max(slowest, system.secondsToReady(service));
            }
            figures.put("start-up to ready, slowest service (s)", slowest);
            Thread.sleep(3_000);
            for (String service : Deployment.SERVICES) {
                figures.put("RSS idle, " + service + " (MB)", system.residentMegabytes(service));
            }
            MemorySampler memory = new MemorySampler(system);
            log("warm-up");
            new IngestBench(system, settings).warmUp(memory);
            system.awaitSubscribersCaughtUp();
            log("ingest");
            new IngestBench(system, settings).measure(figures, memory);
            figures.put("overload: accepted / capacity (%)", Math.round(1000 * figures.number("ingest, open loop 2x capacity: accepted/s")
                    / figures.number("ingest, closed loop 16 clients: accepted/s")) / 10.0);
            figures.put("subscribers, started again, caught up with the catalog alone's backlog after (s)", system.awaitSubscribersCaughtUp());
            // The ingest's last run restarted orders and inventory: the saga is timed once their JVMs
            // have compiled its code again, not on a cold start (that is start-up, measured above).
            log("saga warm-up");
            new SagaBench(system, settings).warmUp(memory);
            system.awaitSubscribersCaughtUp();
            log("saga");
            new SagaBench(system, settings).measure(figures, memory);
            figures.put("RSS under load, largest service (MB)", putRssUnderLoad(figures, memory));
            system.awaitSubscribersCaughtUp();
            log("relay drain");
            new RelayDrainBench(system, settings).measure(figures);
            figures.put("subscriber messages purged, left after 60 s of catching up", system.purged());
        }
        return figures;
    }

    private static String machine() {
        String postgres = "?";
        String rabbit = "?";
        try (java.sql.Connection connection = Servers.database("catalog", "catalog"); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            postgres = version.getString(1);
        } catch (Exception e) {
            // Shown as unknown.
        }
        try (com.rabbitmq.client.Connection connection = Servers.broker("bench-version")) {
            rabbit = String.valueOf(connection.getServerProperties().get("version"));
        } catch (Exception e) {
            // Shown as unknown.
        }
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() > 0 ? totalMemory() : "?") + ", Java " + Runtime.version().feature()
                + ", PostgreSQL " + postgres + ", RabbitMQ " + rabbit;
    }

    private static String totalMemory() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB RAM";
        } catch (Exception e) {
            return "? RAM";
        }
    }

    /** Each service's largest RSS seen under load; answers the largest of them. */
    private static long putRssUnderLoad(Figures figures, MemorySampler memory) {
        long largest = 0;
        for (String service : Deployment.SERVICES) {
            figures.put("RSS under load, " + service + " (MB)", memory.largest(service));
            largest = Math.max(largest, memory.largest(service));
        }
        return largest;
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
