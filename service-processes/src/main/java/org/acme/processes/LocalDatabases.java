package org.acme.processes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local databases the end-to-end tests, the fault suite and the benchmark start from, emptied by
 * the context's owner role: no superuser is needed, and the databases, their roles and privileges
 * stay as scripts/local-services.sh made them (decision 0015).
 */
public final class LocalDatabases {

    private LocalDatabases() {
    }

    /**
     * Drops everything the context's migrations made in the database; the service makes it again at
     * start. Sessions still open on it (a service of an earlier run that is still stopping) are ended
     * first: the owner may end its application role's sessions.
     */
    public static void empty(String context, String database) throws SQLException {
        try (Connection connection = asOwner(context, database); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
            statement.execute("GRANT USAGE ON SCHEMA public TO " + LocalCredentials.applicationRole(context));
        }
    }

    /** A connection as the context's owner role: it reads and writes every row, as a test must. */
    public static Connection asOwner(String context, String database) throws SQLException {
        return DriverManager.getConnection(url(database), LocalCredentials.ownerRole(context), LocalCredentials.ownerPassword(context));
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
