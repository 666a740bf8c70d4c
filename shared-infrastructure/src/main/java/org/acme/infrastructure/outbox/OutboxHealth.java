package org.acme.infrastructure.outbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports the relay in the "messaging" health group, not in readiness: commands are accepted while
 * the broker is away (the outbox keeps their events), so a broker outage must not take the service
 * out of rotation.
 */
@HealthGroup("messaging")
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final AgroalDataSource dataSource;

    public OutboxHealth(OutboxRelay relay, AgroalDataSource dataSource) {
        this.relay = relay;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.State state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state == OutboxRelay.State.LEADING || state == OutboxRelay.State.STANDBY)
                .withData("state", state.name());
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            row.next();
            response.withData("unpublished", row.getLong(1));
        } catch (SQLException e) {
            response.withData("unpublished", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
