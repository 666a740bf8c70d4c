package org.acme.infrastructure.subscriptions;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Reports whether the service consumes its queue, in the "messaging" health group. */
@HealthGroup("messaging")
@ApplicationScoped
public class SubscriptionHealth implements HealthCheck {

    private final Subscription subscription;
    private final Dispatcher dispatcher;

    public SubscriptionHealth(Subscription subscription, Dispatcher dispatcher) {
        this.subscription = subscription;
        this.dispatcher = dispatcher;
    }

    @Override
    public HealthCheckResponse call() {
        boolean subscribes = !dispatcher.subscribers().isEmpty();
        Subscription.State state = subscription.state();
        return HealthCheckResponse.named("subscription")
                .status(!subscribes || state == Subscription.State.CONSUMING)
                .withData("state", subscribes ? state.name() : "NO_SUBSCRIBERS")
                .build();
    }
}
