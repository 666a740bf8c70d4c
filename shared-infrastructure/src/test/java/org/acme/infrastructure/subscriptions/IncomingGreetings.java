package org.acme.infrastructure.subscriptions;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The test application's queue, consumed as every service consumes its own. */
@ApplicationScoped
public class IncomingGreetings {

    private final Subscription subscription;

    public IncomingGreetings(Subscription subscription) {
        this.subscription = subscription;
    }

    @Incoming("integration-events")
    public Uni<Void> receive(Message<byte[]> message) {
        return subscription.receive(message);
    }
}
