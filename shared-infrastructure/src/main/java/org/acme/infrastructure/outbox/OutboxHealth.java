package org.acme.infrastructure.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports the relay in the "messaging" health group, not in readiness: commands are accepted while
 * the broker is away (the outbox keeps their events), so a broker outage must not take the service
 * out of rotation. DOWN while the relay cannot publish, and while a parked row waits for someone to
 * mend it.
 */
@HealthGroup("messaging")
@ApplicationScoped
public class OutboxHealth implements AsyncHealthCheck {

    private static final String COUNTS = "SELECT count(*) FILTER (WHERE parked_reason IS NULL),"
            + " count(*) FILTER (WHERE parked_reason IS NOT NULL) FROM outbox WHERE published_at IS NULL";

    private final OutboxRelay relay;
    private final Pool pool;

    public OutboxHealth(OutboxRelay relay, Pool pool) {
        this.relay = relay;
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        OutboxRelay.State state = relay.state();
        boolean publishing = state == OutboxRelay.State.LEADING || state == OutboxRelay.State.STANDBY;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").withData("state", state.name());
        return pool.query(COUNTS).execute()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onItem().transform(rows -> {
                    Row counts = rows.iterator().next();
                    return response.withData("unpublished", counts.getLong(0)).withData("parked", counts.getLong(1))
                            .status(publishing && counts.getLong(1) == 0).build();
                })
                .onFailure().recoverWithItem(failure -> response.withData("unpublished", "unknown: " + failure.getMessage())
                        .status(publishing).build());
    }
}
