package org.acme.infrastructure.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.sql.Sql;
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
    private final Sql sql;

    public OutboxHealth(OutboxRelay relay, Sql sql) {
        this.relay = relay;
        this.sql = sql;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.State state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state == OutboxRelay.State.LEADING || state == OutboxRelay.State.STANDBY)
                .withData("state", state.name());
        try {
            response.withData("unpublished", sql.queryOne("SELECT count(*) FROM outbox WHERE published_at IS NULL",
                    row -> row.getLong(1)).orElse(0L));
        } catch (IllegalStateException e) {
            response.withData("unpublished", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
