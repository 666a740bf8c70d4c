package org.acme.processes;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service running as a real process, on a port of its own, with its own log file. It
 * can be killed ({@code kill -9}) and started again on the same port, as a crash and a restart.
 *
 * <p>Like the supervisor it runs under in production (Compose's {@code restart}, Kubernetes), this
 * starts the service again when it exits by itself with {@value #RESTART_ME}: the code a service
 * exits with when it lost its consumer for good (a deleted queue) and must start again to resume.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final String java;
    private final Path jar;
    private final List<String> jvmOptions;
    private final boolean recordingArchive;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Map<String, String> environment;
    private volatile Process process;
    private volatile boolean exitExpected;

    /** The exit code with which a service asks its supervisor to start it again. */
    public static final int RESTART_ME = 75;

    private ServiceProcess(String name, String java, Path jar, List<String> jvmOptions, boolean recordingArchive, int port,
                           int managementPort, Path log, Map<String, String> environment) {
        this.name = name;
        this.java = java;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.recordingArchive = recordingArchive;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The JVM a service runs on: a Java installation, and options given after the repository's own
     * ({@code jvm.options}), which win over them. {@link #THIS} is the JVM running this code, as is.
     */
    public record Jvm(Path home, List<String> options) {

        public static final Jvm THIS = new Jvm(Path.of(System.getProperty("java.home")), List.of());

        String executable() {
            return home.resolve("bin").resolve("java").toString();
        }

        /** 17, 25: from the installation's {@code release} file when it is not this JVM. */
        public int featureVersion() {
            if (home.equals(THIS.home())) {
                return Runtime.version().feature();
            }
            try {
                return Files.readAllLines(home.resolve("release")).stream()
                        .filter(line -> line.startsWith("JAVA_VERSION="))
                        .map(line -> Runtime.Version.parse(line.substring("JAVA_VERSION=".length()).replace("\"", "")).feature())
                        .findFirst().orElseThrow(() -> new IllegalStateException(home + "/release names no JAVA_VERSION"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot tell the Java version of " + home, e);
            }
        }
    }

    /**
     * Starts {@code <name>-service} from its packaged jar, connecting as its own database roles and
     * broker user ({@link LocalCredentials}) unless {@code environment} says otherwise; its output
     * goes to {@code log}.
     */
    public static ServiceProcess start(Path repository, String name, Path log, Map<String, String> environment) throws IOException {
        return start(repository, name, log, environment, Jvm.THIS);
    }

    /** Starts it like {@link #start(Path, String, Path, Map)}, on another JVM or with more options. */
    public static ServiceProcess start(Path repository, String name, Path log, Map<String, String> environment, Jvm jvm)
            throws IOException {
        return start(repository, name, log, environment, jvm, false);
    }

    /**
     * Starts it as a training start: the JVM records the service's class-data archive, which every
     * later start on that JVM reads ({@link ClassArchive}); {@link #close()} stops it and waits until
     * the archive is written.
     */
    public static ServiceProcess startRecordingClassArchive(Path repository, String name, Path log, Map<String, String> environment,
                                                            Jvm jvm) throws IOException {
        return start(repository, name, log, environment, jvm, true);
    }

    /** Whether {@code jvm} has a class-data archive of the service's current build. */
    public static boolean hasFreshClassArchive(Path repository, String name, Jvm jvm) throws IOException {
        Path jar = jarOf(repository, name);
        return ClassArchive.of(jvm, jar.getParent()).isFreshFor(jar);
    }

    private static ServiceProcess start(Path repository, String name, Path log, Map<String, String> environment, Jvm jvm,
                                        boolean recordingArchive) throws IOException {
        Path jar = jarOf(repository, name);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B verify (it packages the services first)");
        }
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        Map<String, String> settings = new java.util.HashMap<>(LocalCredentials.environmentOf(name));
        settings.putAll(environment);
        List<String> options = new ArrayList<>(jvmOptions(repository, jar, jvm, recordingArchive));
        options.addAll(jvm.options());
        ServiceProcess service = new ServiceProcess(name, jvm.executable(), jar, options, recordingArchive, freePort(), freePort(), log,
                settings);
        service.launch();
        return service;
    }

    private static Path jarOf(Path repository, String name) {
        return repository.resolve(name + "-service/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    }

    /**
     * The repository's own JVM settings ({@code jvm.options}), and the service's class-data archive:
     * the one recorded by a training start on this JVM (decision 0022) when it is of this build, else
     * the smaller one a build of a version from before it made ({@code app-cds.jsa}, for the JVM that
     * built it). A repository from before {@code jvm.options} ran with a 256 MB heap.
     */
    private static List<String> jvmOptions(Path repository, Path jar, Jvm jvm, boolean recordingArchive) throws IOException {
        Path options = repository.resolve("jvm.options").toAbsolutePath();
        if (!Files.exists(options)) {
            return List.of("-Xmx256m");
        }
        ClassArchive archive = ClassArchive.of(jvm, jar.getParent());
        if (recordingArchive) {
            Files.deleteIfExists(archive.file());
            return List.of("@" + options, archive.recordingOption());
        }
        if (archive.isFreshFor(jar)) {
            return List.of("@" + options, archive.readingOption());
        }
        Path buildsArchive = jar.resolveSibling("app-cds.jsa");
        return jvm.home().equals(Jvm.THIS.home()) && Files.exists(buildsArchive)
                ? List.of("@" + options, "-XX:SharedArchiveFile=" + buildsArchive)
                : List.of("@" + options);
    }

    public String name() {
        return name;
    }

    /** The public port: the API alone. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health, metrics, the API description. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or acknowledged. */
    public void kill() throws InterruptedException {
        exitExpected = true;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the service again, on the same port and with the same settings, after a kill or a stop. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    /** Waits until the service is ready (database reached) and consumes or publishes (messaging UP). */
    public void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tailOfLog());
            }
            if (healthy("/q/health/ready") && healthy("/q/health/group/messaging")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tailOfLog());
    }

    /** The process's id, while it runs: for its memory (RSS) and for signals. */
    public long pid() {
        return process.pid();
    }

    public String tailOfLog() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        // From the application's directory, the jar named relative to it, as run-local.sh starts it:
        // a class-data archive holds the class path it was recorded with, and is read with the same.
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        exitExpected = false;
        process = builder.start();
        process.onExit().thenAccept(this::startAgainIfAsked);
    }

    private void startAgainIfAsked(Process exited) {
        if (!exitExpected && exited == process && exited.exitValue() == RESTART_ME) {
            try {
                launch();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(name + " could not be started again", e);
            }
        }
    }

    /**
     * The health check answers 200 on the management interface, or, for a version from before it
     * had one (a benchmark's baseline), on the public port.
     */
    private boolean healthy(String path) {
        return answers200(managementUrl() + path) || answers200(url() + path);
    }

    private static boolean answers200(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        exitExpected = true;
        process.destroy();
        // A training start writes its archive as it exits: Java 25 assembles its AOT cache then.
        if (!process.waitFor(recordingArchive ? 180 : 15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
