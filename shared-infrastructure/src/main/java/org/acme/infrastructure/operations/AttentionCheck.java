package org.acme.infrastructure.operations;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Says DOWN when an operator is needed, in a group of its own ({@code /q/health/group/attention}),
 * never in liveness or readiness: the service still takes commands, and restarting it or taking it
 * out of rotation would mend nothing. DOWN while the oldest event waiting in the outbox is older than
 * {@code integration-events.operations.outbox-lag-alert} (60 s), or while a dead letter waits for a
 * decision (decision 0017). It reads the last sample, not the database.
 */
@HealthGroup("attention")
@ApplicationScoped
public class AttentionCheck implements HealthCheck {

    private final OperationsSampler sampler;
    private final Duration lagAlert;

    public AttentionCheck(OperationsSampler sampler,
                          @ConfigProperty(name = "integration-events.operations.outbox-lag-alert", defaultValue = "60s") Duration lagAlert) {
        this.sampler = sampler;
        this.lagAlert = lagAlert;
    }

    @Override
    public HealthCheckResponse call() {
        OperationsSampler.Sample sample = sampler.last();
        boolean lagging = sample.oldestUnpublished().compareTo(lagAlert) > 0;
        boolean deadLetters = sample.deadLettersWaiting() > 0;
        return HealthCheckResponse.named("attention")
                .status(sample.at() != null && !lagging && !deadLetters)
                .withData("oldestUnpublishedSeconds", sample.oldestUnpublished().toSeconds())
                .withData("outboxLagAlertSeconds", lagAlert.toSeconds())
                .withData("deadLettersWaiting", sample.deadLettersWaiting())
                .withData("sampledAt", sample.at() == null ? "not yet" : sample.at().toString())
                .build();
    }
}
