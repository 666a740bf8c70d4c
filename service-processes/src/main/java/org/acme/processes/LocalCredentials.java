package org.acme.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials the services and the tests use on this host: the environment first, then the
 * file {@code scripts/local-services.sh} wrote, {@code .local/credentials.env} at the repository's
 * root. Who is who follows one convention (decision 0015): for a context {@code catalog}, the
 * database roles {@code catalog_app} (run time) and {@code catalog_owner} (migrations), and the
 * broker user {@code catalog}; the broker's administrator is {@code admin}.
 */
public final class LocalCredentials {

    public static final String BROKER_ADMIN = "admin";

    /** Passwords a test set itself (the servers it started in containers): they win. */
    private static final Map<String, String> OVERRIDDEN = new ConcurrentHashMap<>();
    private static volatile Map<String, String> file;

    private LocalCredentials() {
    }

    public static String applicationRole(String context) {
        return context + "_app";
    }

    public static String ownerRole(String context) {
        return context + "_owner";
    }

    public static String databasePassword(String context) {
        return value(prefix(context) + "_DB_PASSWORD");
    }

    public static String ownerPassword(String context) {
        return value(prefix(context) + "_DB_OWNER_PASSWORD");
    }

    /** The broker user of a context is named after it. */
    public static String brokerPassword(String user) {
        return BROKER_ADMIN.equals(user) ? value("BROKER_ADMIN_PASSWORD") : value(prefix(user) + "_BROKER_PASSWORD");
    }

    /**
     * What a service of {@code context} is told to connect as: its application role, its owner role
     * (for the migrations at start-up) and its broker user, with their passwords.
     */
    public static Map<String, String> environmentOf(String context) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PG_USER", applicationRole(context));
        environment.put("PG_PASSWORD", databasePassword(context));
        environment.put("PG_OWNER_USER", ownerRole(context));
        environment.put("PG_OWNER_PASSWORD", ownerPassword(context));
        environment.put("RABBITMQ_USERNAME", context);
        environment.put("RABBITMQ_PASSWORD", brokerPassword(context));
        environment.put("JWT_PUBLIC_KEY_LOCATION", LocalTokens.publicKeyLocation().toString());
        return environment;
    }

    /** Sets a password for this JVM, as a test that made its own servers does. */
    public static void override(String variable, String value) {
        OVERRIDDEN.put(variable, value);
    }

    private static String prefix(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static String value(String variable) {
        String overridden = OVERRIDDEN.get(variable);
        if (overridden != null) {
            return overridden;
        }
        String environment = System.getenv(variable);
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        String written = file().get(variable);
        if (written == null) {
            throw new IllegalStateException(variable + " is neither in the environment nor in " + location()
                    + ": run scripts/local-services.sh (./test.sh does)");
        }
        return written;
    }

    private static Map<String, String> file() {
        if (file == null) {
            Map<String, String> read = new HashMap<>();
            Path location = location();
            if (Files.exists(location)) {
                try {
                    for (String line : Files.readAllLines(location)) {
                        int equals = line.indexOf('=');
                        if (!line.startsWith("#") && equals > 0) {
                            read.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + location, e);
                }
            }
            file = read;
        }
        return file;
    }

    private static Path location() {
        return localDirectory().resolve("credentials.env");
    }

    /** {@code .local/} of the repository this runs in: from the system property, or up from here. */
    static Path localDirectory() {
        String root = System.getProperty("repository.root");
        Path directory = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path candidate = directory.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw"))) {
                return candidate.resolve(".local");
            }
        }
        return directory.resolve(".local");
    }
}
