package org.acme.infrastructure.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.processes.LocalCredentials;
import org.acme.processes.LocalTokens;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The PostgreSQL and RabbitMQ a module's tests run against, chosen without a flag: where a Docker
 * engine answers, containers started for the run (Testcontainers) and provisioned by the same scripts
 * as a host (scripts/provision/); elsewhere the local servers, as {@code scripts/local-services.sh}
 * prepared them. Either way the service connects as its own roles and broker user (decision 0015).
 * Declared once per module, with global scope, the module's database and context as arguments.
 *
 * <p>The application reaches the broker through a {@link TcpProxy}, so that a test can take the
 * broker away from it ({@link #cutBroker()}) while the test itself still talks to the broker.
 */
public class TestServers implements QuarkusTestResourceLifecycleManager {

    private static final List<String> CONTEXTS = List.of("catalog", "orders", "inventory", "infratest");

    private static PostgreSQLContainer<?> postgres;
    private static RabbitMQContainer rabbit;
    private static TcpProxy brokerLink;
    private String database = "test";
    private String context = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        context = initArgs.getOrDefault("context", context);
    }

    @Override
    public Map<String, String> start() {
        String pgHost = env("PG_HOST", "127.0.0.1");
        int pgPort = Integer.parseInt(env("PG_PORT", "5432"));
        if (dockerAnswers()) {
            startContainers();
            pgHost = postgres.getHost();
            pgPort = postgres.getMappedPort(5432);
            LocalBroker.useServer(rabbit.getHost(), rabbit.getAmqpPort(), rabbit.getHttpPort());
        } else {
            requireDatabase(pgHost, pgPort);
        }
        LocalBroker.requireVirtualHost(LocalBroker.testVirtualHost());
        String address = "//" + pgHost + ":" + pgPort + "/" + database;
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql:" + address);
        config.put("quarkus.datasource.username", LocalCredentials.applicationRole(context));
        config.put("quarkus.datasource.password", LocalCredentials.databasePassword(context));
        config.put("quarkus.datasource.migrations.jdbc.url", "jdbc:postgresql:" + address);
        config.put("quarkus.datasource.migrations.username", LocalCredentials.ownerRole(context));
        config.put("quarkus.datasource.migrations.password", LocalCredentials.ownerPassword(context));
        config.put("rabbitmq.host", "127.0.0.1");
        config.put("rabbitmq.port", Integer.toString(brokerLink().port()));
        config.put("rabbitmq.username", context);
        config.put("rabbitmq.password", LocalCredentials.brokerPassword(context));
        config.put("rabbitmq.virtual-host", LocalBroker.testVirtualHost());
        config.put("mp.jwt.verify.publickey.location", LocalTokens.publicKeyLocation().toString());
        config.put("mp.jwt.verify.issuer", LocalTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // Containers stop with the JVM (Testcontainers' reaper); local servers keep running.
        if (brokerLink != null) {
            brokerLink.close();
            brokerLink = null;
        }
    }

    /** Drops the application's connections to the broker and refuses new ones, until {@link #restoreBroker()}. */
    public static void cutBroker() {
        brokerLink.cut();
    }

    public static void restoreBroker() {
        brokerLink.restore();
    }

    private static synchronized TcpProxy brokerLink() {
        if (brokerLink == null) {
            try {
                brokerLink = new TcpProxy(LocalBroker.host(), LocalBroker.port());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return brokerLink;
    }

    /** Whether a Docker engine answers here; no engine (or no permission to reach it) is not an error. */
    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    /**
     * Containers for the whole run, with passwords of their own, provisioned by the scripts a host
     * runs (copied in with the manifest): the same roles, databases, users and permissions.
     */
    private static synchronized void startContainers() {
        if (postgres != null) {
            return;
        }
        Map<String, String> passwords = new HashMap<>();
        for (String name : CONTEXTS) {
            String prefix = name.toUpperCase();
            for (String variable : List.of(prefix + "_DB_PASSWORD", prefix + "_DB_OWNER_PASSWORD", prefix + "_BROKER_PASSWORD")) {
                passwords.put(variable, UUID.randomUUID().toString().replace("-", ""));
            }
        }
        passwords.put("BROKER_ADMIN_PASSWORD", UUID.randomUUID().toString().replace("-", ""));
        passwords.forEach(LocalCredentials::override);
        postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:15"));
        addProvisioning(postgres);
        postgres.start();
        provision(postgres, "postgres.sh", passwords);
        rabbit = new RabbitMQContainer(DockerImageName.parse("rabbitmq:3.13-management"))
                .withAdminUser(LocalCredentials.BROKER_ADMIN)
                .withAdminPassword(passwords.get("BROKER_ADMIN_PASSWORD"));
        addProvisioning(rabbit);
        rabbit.start();
        provision(rabbit, "rabbitmq.sh", passwords);
    }

    private static void addProvisioning(GenericContainer<?> container) {
        Path root = repositoryRoot();
        container.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("scripts/provision")), "/provision")
                .withCopyFileToContainer(MountableFile.forHostPath(root.resolve("integration-events.yaml")),
                        "/provision/integration-events.yaml");
    }

    private static void provision(GenericContainer<?> container, String script, Map<String, String> passwords) {
        List<String> command = new ArrayList<>(List.of("env", "MANIFEST=/provision/integration-events.yaml"));
        passwords.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of("bash", "/provision/" + script));
        try {
            Container.ExecResult result = container.execInContainer(command.toArray(String[]::new));
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(script + " failed in its container: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The local database must be there, reachable by the context's application role. */
    private void requireDatabase(String host, int port) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        try (Connection ignored = DriverManager.getConnection(url, LocalCredentials.applicationRole(context),
                LocalCredentials.databasePassword(context))) {
            return;
        } catch (SQLException e) {
            throw new IllegalStateException("no Docker engine, and the local PostgreSQL does not let "
                    + LocalCredentials.applicationRole(context) + " into " + database + " (" + e.getMessage()
                    + "): run scripts/local-services.sh (./test.sh does)", e);
        }
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
