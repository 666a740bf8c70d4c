package org.acme.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each service's CPU goes, sampled by async-profiler (from Maven Central, {@code itimer}: the
 * CPU's own counters are not available on these machines). Each JVM writes its samples as collapsed
 * stacks when it exits ({@code <service>-<pid>.collapsed}: the input of every flame-graph tool, e.g.
 * speedscope or flamegraph.pl); {@link #summarise} turns them into the tables docs/benchmarks.md
 * quotes: the libraries a sample passes through, and the frames the samples end in.
 */
final class Profiles {

    /** Libraries by package prefix, in the order the summary lists them. */
    private static final Map<String, String> LIBRARIES = libraries();
    private static final int TOP_FRAMES = 15;

    private Profiles() {
    }

    /** The JVM option that starts the profiler in a service, extracted from the class path once. */
    static String agentOption(Path logs, String service) {
        Path library = logs.getParent().resolve("libasyncProfiler.so");
        try (InputStream packaged = Profiles.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (packaged == null) {
                throw new IllegalStateException("async-profiler's linux-x64 library is not on the class path");
            }
            Files.createDirectories(logs);
            if (!Files.exists(library)) {
                Files.copy(packaged, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-agentpath:" + library.toAbsolutePath() + "=start,event=itimer,interval=5ms,collapsed,file="
                + logs.toAbsolutePath().resolve(service + "-%p.collapsed");
    }

    /** Deletes the profiles an earlier run left in {@code logs}: the summary is of this run's alone. */
    static void forgetEarlier(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".collapsed")).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A markdown summary of every profile written under {@code logs}, one section per file. */
    static String summarise(Path logs) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".collapsed")).sorted().toList()) {
                lines.addAll(summary(file));
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> summary(Path collapsed) throws IOException {
        Map<String, Long> selfSamples = new HashMap<>();
        Map<String, Long> librarySamples = new LinkedHashMap<>();
        LIBRARIES.values().forEach(library -> librarySamples.put(library, 0L));
        long total = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            total += samples;
            selfSamples.merge(frames[frames.length - 1], samples, Long::sum);
            Set<String> passedThrough = new HashSet<>();
            for (String frame : frames) {
                String library = libraryOf(frame);
                if (library != null) {
                    passedThrough.add(library);
                }
            }
            for (String library : passedThrough) {
                librarySamples.merge(library, samples, Long::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("#### " + collapsed.getFileName() + " (" + total + " samples)");
        lines.add("");
        lines.add("| library (inclusive) | share |");
        lines.add("|---|---:|");
        long all = Math.max(1, total);
        librarySamples.forEach((library, samples) -> lines.add("| " + library + " | " + percent(samples, all) + " |"));
        lines.add("");
        lines.add("| frame (self) | share |");
        lines.add("|---|---:|");
        selfSamples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_FRAMES)
                .forEach(frame -> lines.add("| `" + frame.getKey().replace("|", "\\|") + "` | " + percent(frame.getValue(), all) + " |"));
        lines.add("");
        return lines;
    }

    /** The library a frame belongs to: Java frames by package (dotted or not), the JVM's own by what it runs. */
    private static String libraryOf(String frame) {
        String slashed = frame.replace('.', '/');
        for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
            if (slashed.startsWith(library.getKey()) || frame.contains(library.getKey())) {
                return library.getValue();
            }
        }
        return null;
    }

    private static String percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0 + " %";
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("io/netty/", "Netty");
        libraries.put("io/vertx/pgclient/", "Vert.x PostgreSQL client");
        libraries.put("io/vertx/sqlclient/", "Vert.x SQL client");
        libraries.put("io/vertx/rabbitmq/", "Vert.x RabbitMQ client");
        libraries.put("com/rabbitmq/", "RabbitMQ Java client");
        libraries.put("org/hibernate/reactive/", "Hibernate Reactive");
        libraries.put("org/hibernate/", "Hibernate ORM");
        libraries.put("io/smallrye/mutiny/", "Mutiny");
        libraries.put("io/smallrye/reactive/messaging/", "SmallRye Reactive Messaging");
        libraries.put("com/fasterxml/jackson/", "Jackson");
        libraries.put("io/micrometer/", "Micrometer (metrics)");
        libraries.put("io/opentelemetry/", "OpenTelemetry (traces)");
        libraries.put("org/jboss/resteasy/reactive/", "Quarkus REST");
        libraries.put("io/smallrye/jwt/", "SmallRye JWT");
        libraries.put("org/acme/", "the project's code");
        libraries.put("CompileBroker::", "the JIT compiler");
        libraries.put("VMThread::", "the VM thread (serial GC, safepoints)");
        return libraries;
    }
}
