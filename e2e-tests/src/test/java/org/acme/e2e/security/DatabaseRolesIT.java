package org.acme.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.acme.e2e.RunningSystem;
import org.acme.e2e.WithRunningSystem;
import org.acme.processes.LocalCredentials;
import org.junit.jupiter.api.Test;

/** The services' database roles: none is a superuser, none reaches another service's database or changes its schema. */
@WithRunningSystem
class DatabaseRolesIT {

    private static final List<String> SERVICES = List.of("catalog", "orders", "inventory");

    @Test
    void noServicesRole_isASuperuser_norMayCreateDatabasesOrRoles() throws SQLException {
        for (String service : SERVICES) {
            try (Connection connection = asApplication(service, service);
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname IN (?, ?)")) {
                statement.setString(1, LocalCredentials.applicationRole(service));
                statement.setString(2, LocalCredentials.ownerRole(service));
                try (ResultSet roles = statement.executeQuery()) {
                    int seen = 0;
                    while (roles.next()) {
                        seen++;
                        assertThat(roles.getBoolean("rolsuper")).as("%s is a superuser", roles.getString("rolname")).isFalse();
                        assertThat(roles.getBoolean("rolcreatedb")).as("%s creates databases", roles.getString("rolname")).isFalse();
                        assertThat(roles.getBoolean("rolcreaterole")).as("%s creates roles", roles.getString("rolname")).isFalse();
                    }
                    assertThat(seen).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void noServicesRole_canConnectToAnotherServicesDatabase() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    assertThatThrownBy(() -> asApplication(service, other).close()).as("%s into %s's database", service, other)
                            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                }
            }
        }
    }

    @Test
    void aServicesRunTimeRole_cannotChangeTheSchema() throws SQLException {
        try (Connection connection = asApplication("orders", "orders"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DROP TABLE events")).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE stolen (id int)")).hasMessageContaining("permission denied");
        }
    }

    /** As a service's application role, into a service's end-to-end database. */
    private static Connection asApplication(String role, String databaseOf) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/"
                        + RunningSystem.database(databaseOf), LocalCredentials.applicationRole(role),
                LocalCredentials.databasePassword(role));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
