package org.acme.e2e.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL and RabbitMQ servers of this machine, which the fault suite stops, kills and
 * starts again: the faults are real ones, not simulated in the code under test. It needs the
 * servers' own commands ({@code pg_ctlcluster}, {@code rabbitmqctl}) and the right to run them.
 */
final class LocalServers {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private LocalServers() {
    }

    /** Why the suite cannot control the servers here, or null when it can. */
    static String whyNotControllable() {
        if (!"127.0.0.1".equals(env("PG_HOST", "127.0.0.1")) || !"127.0.0.1".equals(env("RABBITMQ_HOST", "127.0.0.1"))) {
            return "PG_HOST/RABBITMQ_HOST point to other servers: the fault suite stops and starts the local ones";
        }
        for (String command : List.of("pg_ctlcluster", "rabbitmqctl", "rabbitmq-server")) {
            if (!onPath(command)) {
                return command + " is not installed: run scripts/local-services.sh";
            }
        }
        return null;
    }

    /** {@code pg_ctlcluster stop -m immediate}: every session dies at once, as in a crash. */
    static void stopPostgresImmediately() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "immediate"), true);
    }

    static void startPostgres() {
        if (!postgresReady()) {
            run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"), false);
        }
        await("PostgreSQL", LocalServers::postgresReady);
    }

    static boolean postgresReady() {
        return exitCode(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", env("PG_PORT", "5432"))) == 0;
    }

    /** A clean stop of the broker: connections are closed with a shutdown reason. */
    static void stopBroker() {
        run(List.of("rabbitmqctl", "-q", "stop"), true);
    }

    /** {@code kill -9} of the broker's Erlang VM: connections just drop. */
    static void killBroker() {
        for (String pid : output(List.of("pgrep", "-f", "beam.smp.*rabbit")).strip().split("\\s+")) {
            if (!pid.isBlank()) {
                run(List.of("kill", "-9", pid), true);
            }
        }
        await("the broker to die", () -> output(List.of("pgrep", "-f", "beam.smp.*rabbit")).isBlank());
    }

    static void startBroker() {
        if (!brokerRunning()) {
            run(List.of("rabbitmq-server", "-detached"), true);
        }
        await("RabbitMQ", LocalServers::brokerRunning);
    }

    static boolean brokerRunning() {
        return exitCode(List.of("rabbitmqctl", "-q", "await_startup", "--timeout", "5")) == 0;
    }

    /**
     * Raises (or clears) the broker's memory alarm: with a high watermark of 0 every publishing
     * connection is blocked, as when the broker runs out of memory.
     */
    static void memoryAlarm(boolean raised) {
        run(List.of("rabbitmqctl", "-q", "set_vm_memory_high_watermark", raised ? "0" : "0.4"), false);
    }

    private static String postgresVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString())
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster in /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /etc/postgresql", e);
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not come up within " + START_TIMEOUT);
            }
            sleep(250);
        }
    }

    private static void run(List<String> command, boolean tolerateFailure) {
        int code = exitCode(command);
        if (code != 0 && !tolerateFailure) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + code);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(withRoot(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(withRoot(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The servers belong to root here (as in CI); elsewhere the commands go through sudo. */
    private static List<String> withRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> sudo = new ArrayList<>(List.of("sudo", "-n"));
        sudo.addAll(command);
        return sudo;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/sbin", "/sbin", "/usr/lib/rabbitmq/bin"})
                .flatMap(Stream::of)
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
