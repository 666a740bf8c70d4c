package org.acme.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.processes.LocalDatabases;
import org.acme.processes.ServiceProcess;
import org.acme.processes.TraceCollector;

/**
 * The three services started from their packaged jars, against fresh databases of their own
 * ({@code *_e2e}) and the broker's {@code e2e} virtual host, so that nothing a local run or a
 * component test left behind reaches them. Started once for all end-to-end tests, with tracing on,
 * exported to the suite's own collector (the fault suite and the benchmarks run with it off, the default).
 */
public final class RunningSystem implements AutoCloseable {

    public static final String VIRTUAL_HOST = "e2e";
    private static final List<String> SERVICES = List.of("catalog", "inventory", "orders");

    private final List<ServiceProcess> services = new ArrayList<>();
    private final TraceCollector traces;

    private RunningSystem(TraceCollector traces) {
        this.traces = traces;
    }

    static RunningSystem start() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        emptyDatabases();
        forgetBrokerState();
        RunningSystem system = new RunningSystem(TraceCollector.start());
        Runtime.getRuntime().addShutdownHook(new Thread(system::closeQuietly));
        for (String name : SERVICES) {
            Map<String, String> environment = new HashMap<>();
            environment.put(name.toUpperCase() + "_DB", database(name));
            environment.put("RABBITMQ_VIRTUAL_HOST", VIRTUAL_HOST);
            environment.put("OTEL_SDK_DISABLED", "false");
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", system.traces.endpoint());
            environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            system.services.add(ServiceProcess.start(repository, name,
                    repository.resolve("e2e-tests/target/e2e-logs/" + name + ".log"), environment));
        }
        for (ServiceProcess service : system.services) {
            service.awaitHealthy(Duration.ofSeconds(90));
        }
        return system;
    }

    public String catalog() {
        return services.get(0).url();
    }

    public String inventory() {
        return services.get(1).url();
    }

    public String orders() {
        return services.get(2).url();
    }

    /** What the services exported of their traces. */
    public TraceCollector traces() {
        return traces;
    }

    /** A service's database, the end-to-end tests' own. */
    public static String database(String name) {
        return name + "_e2e";
    }

    /** A service's management interface: health, metrics, the API description. */
    public String management(String name) {
        return services.get(SERVICES.indexOf(name)).managementUrl();
    }

    /** Each run starts from empty databases: the services create their schema with Flyway. */
    private static void emptyDatabases() throws SQLException {
        for (String name : SERVICES) {
            LocalDatabases.empty(name, database(name));
        }
    }

    /** Deletes the queues an earlier run left in the e2e virtual host; the services declare them again. */
    private static void forgetBrokerState() throws IOException, TimeoutException {
        LocalBroker.requireVirtualHost(VIRTUAL_HOST);
        try (Connection connection = LocalBroker.connect("e2e-setup", VIRTUAL_HOST); Channel channel = connection.createChannel()) {
            for (String queue : List.of("orders.integration-events", "orders.integration-events.dlq",
                    "inventory.integration-events", "inventory.integration-events.dlq", "catalog.events.unroutable",
                    "orders.events.unroutable", "inventory.events.unroutable")) {
                channel.queueDelete(queue);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.close();
        }
        services.clear();
        traces.close();
    }
}
