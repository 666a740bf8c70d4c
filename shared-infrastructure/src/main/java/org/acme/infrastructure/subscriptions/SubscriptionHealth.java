package org.acme.infrastructure.subscriptions;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports, in the "messaging" group, whether the service consumes its queue: its topology declared,
 * the connector's incoming channel alive, and no message stuck retrying a failure that should pass.
 */
@HealthGroup("messaging")
@ApplicationScoped
public class SubscriptionHealth implements HealthCheck {

    private final Subscription subscription;
    private final SubscriptionTopology topology;
    private final Dispatcher dispatcher;
    private final HealthCenter connector;

    public SubscriptionHealth(Subscription subscription, SubscriptionTopology topology, Dispatcher dispatcher,
                              HealthCenter connector) {
        this.subscription = subscription;
        this.topology = topology;
        this.dispatcher = dispatcher;
        this.connector = connector;
    }

    @Override
    public HealthCheckResponse call() {
        if (dispatcher.subscribers().isEmpty()) {
            return HealthCheckResponse.named("subscription").up().withData("state", "NO_SUBSCRIBERS").build();
        }
        boolean channelAlive = !topology.consumerLost() && connector.getLiveness().isOk() && connector.getReadiness().isOk();
        Subscription.State state = subscription.state();
        // Exchanges not declared yet by their publishers are data, not a fault of this service: it binds
        // to them at a later check, and their publishers wait for that before publishing.
        return HealthCheckResponse.named("subscription")
                .status(topology.declared() && channelAlive && state != Subscription.State.RETRYING)
                .withData("state", !topology.declared() ? "DECLARING_TOPOLOGY" : !channelAlive ? "CHANNEL_DOWN" : state.name())
                .withData("awaitingExchanges", String.join(",", topology.exchangesNotDeclaredYet()))
                .build();
    }
}
