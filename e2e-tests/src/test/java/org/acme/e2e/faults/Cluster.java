package org.acme.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acme.e2e.DeadLetterDesk;
import org.acme.processes.LocalDatabases;
import org.acme.processes.ServiceProcess;

/**
 * The three services as real processes for one fault scenario: emptied databases of their own
 * ({@code *_faults}), a virtual host {@code faults} without queues, and the broker reached through a
 * {@link LaggingProxy}. A service may run as several instances; the workload spreads its requests
 * over the live ones.
 */
final class Cluster implements AutoCloseable {

    static final String VIRTUAL_HOST = "faults";
    static final List<String> SERVICES = List.of("catalog", "orders", "inventory");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Pattern WARNING = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d+ (WARN|ERROR) ");

    private final Path repository;
    private final Path logs;
    private final LaggingProxy broker;
    private final Map<String, String> settings;
    private final BrokerManagement management = new BrokerManagement(VIRTUAL_HOST);
    private final Map<String, List<ServiceProcess>> instances = new HashMap<>();
    private final AtomicInteger nextRequest = new AtomicInteger();

    private Cluster(Path repository, Path logs, LaggingProxy broker, Map<String, String> settings) {
        this.repository = repository;
        this.logs = logs;
        this.broker = broker;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Starts the given number of instances of each service, on fresh databases and a fresh virtual host,
     * each given the settings (environment variables) of the scenario.
     */
    static Cluster start(String scenario, int catalogs, int orders, int inventories, Map<String, String> settings) throws Exception {
        String why = LocalServers.whyNotControllable();
        if (why != null) {
            throw new IllegalStateException("the fault suite needs the local PostgreSQL and RabbitMQ: " + why);
        }
        LocalServers.startPostgres();
        LocalServers.startBroker();
        LocalServers.memoryAlarm(false);
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        emptyDatabases();
        new BrokerManagement(VIRTUAL_HOST).deleteQueues();
        Cluster cluster = new Cluster(repository, repository.resolve("e2e-tests/target/fault-logs/" + scenario),
                new LaggingProxy(env("RABBITMQ_HOST", "127.0.0.1"), Integer.parseInt(env("RABBITMQ_PORT", "5672"))), settings);
        try {
            Map<String, Integer> counts = Map.of("catalog", catalogs, "orders", orders, "inventory", inventories);
            for (String name : SERVICES) {
                for (int i = 0; i < counts.get(name); i++) {
                    cluster.startInstance(name);
                }
            }
            for (List<ServiceProcess> services : cluster.instances.values()) {
                for (ServiceProcess service : services) {
                    service.awaitHealthy(STARTUP);
                }
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    ServiceProcess startInstance(String name) throws IOException {
        List<ServiceProcess> running = instances.computeIfAbsent(name, key -> new ArrayList<>());
        Map<String, String> environment = new HashMap<>(settings);
        environment.put(name.toUpperCase() + "_DB", database(name));
        environment.put("RABBITMQ_VIRTUAL_HOST", VIRTUAL_HOST);
        environment.put("RABBITMQ_PORT", Integer.toString(broker.port()));
        ServiceProcess service = ServiceProcess.start(repository, name, logs.resolve(name + "-" + (running.size() + 1) + ".log"), environment);
        running.add(service);
        return service;
    }

    List<ServiceProcess> instances(String name) {
        return List.copyOf(instances.getOrDefault(name, List.of()));
    }

    /** A live instance of the service, taking turns among them. */
    String url(String name) {
        List<ServiceProcess> all = instances(name);
        for (int i = 0; i < all.size(); i++) {
            ServiceProcess candidate = all.get(Math.floorMod(nextRequest.getAndIncrement(), all.size()));
            if (candidate.isAlive()) {
                return candidate.url();
            }
        }
        return all.get(0).url();
    }

    /** The dead letters of the service, as its operator sees them (any live instance answers for all). */
    DeadLetterDesk deadLetters(String name) {
        List<ServiceProcess> all = instances(name);
        return new DeadLetterDesk(all.stream().filter(ServiceProcess::isAlive).findFirst().orElse(all.get(0)).managementUrl());
    }

    /** {@code kill -9} of one instance, then a restart; answers when it is healthy again. */
    void crashAndRestart(ServiceProcess service) throws IOException, InterruptedException {
        service.kill();
        service.restart();
        service.awaitHealthy(STARTUP);
    }

    LaggingProxy brokerLink() {
        return broker;
    }

    BrokerManagement broker() {
        return management;
    }

    /** The service's database, as its owner role: the checker reads every row. */
    Connection openDatabase(String service) throws SQLException {
        return LocalDatabases.asOwner(service, database(service));
    }

    static String database(String service) {
        return service + "_faults";
    }

    private static void emptyDatabases() throws SQLException {
        for (String name : SERVICES) {
            LocalDatabases.empty(name, database(name));
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The last warnings and errors each instance logged, a line each: what a failed scenario prints,
     * as CI keeps the build's output but not the services' logs.
     */
    String lastWarnings(int perInstance) {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                List<String> warnings = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> WARNING.matcher(line).lookingAt()).toList();
                text.append("\n").append(log.getFileName()).append(", its last warnings and errors:");
                warnings.subList(Math.max(0, warnings.size() - perInstance), warnings.size())
                        .forEach(line -> text.append("\n  ").append(line, 0, Math.min(line.length(), 300)));
            }
        } catch (IOException | UncheckedIOException unreadable) {
            text.append("\n(the services' logs cannot be read: ").append(unreadable).append(')');
        }
        return text.toString();
    }

    @Override
    public void close() throws Exception {
        for (List<ServiceProcess> services : instances.values()) {
            for (ServiceProcess service : services) {
                service.close();
            }
        }
        instances.clear();
        broker.close();
    }
}
