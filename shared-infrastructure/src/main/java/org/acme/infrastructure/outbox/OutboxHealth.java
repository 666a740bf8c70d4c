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

    /** DOWN while the relay cannot publish, and while a parked row waits for someone to mend it. */
    @Override
    public HealthCheckResponse call() {
        OutboxRelay.State state = relay.state();
        boolean publishing = state == OutboxRelay.State.LEADING || state == OutboxRelay.State.STANDBY;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").withData("state", state.name());
        try {
            long[] counts = sql.queryOne("SELECT count(*) FILTER (WHERE parked_reason IS NULL),"
                    + " count(*) FILTER (WHERE parked_reason IS NOT NULL) FROM outbox WHERE published_at IS NULL",
                    row -> new long[] {row.getLong(1), row.getLong(2)}).orElse(new long[2]);
            response.withData("unpublished", counts[0]).withData("parked", counts[1]);
            return response.status(publishing && counts[1] == 0).build();
        } catch (IllegalStateException e) {
            return response.withData("unpublished", "unknown: " + e.getMessage()).status(publishing).build();
        }
    }
}
