package org.acme.inventory.subscribers;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.acme.infrastructure.subscriptions.Subscription;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Inventory's queue, consumed through the SmallRye RabbitMQ connector: the subscription decodes
 * each message, keeps it in order with the earlier ones of its aggregate, hands it to the subscribers
 * of its type in one transaction with the inbox (with the other messages in hand, decision 0019), and acknowledges it
 * once that committed (or dead-letters it with its reason). It lives in
 * each service that subscribes, not in the shared module, so that a service without subscribers
 * (the catalog) has no consumer at all.
 */
@ApplicationScoped
public class IncomingIntegrationEvents {

    private final Subscription subscription;

    public IncomingIntegrationEvents(Subscription subscription) {
        this.subscription = subscription;
    }

    @Incoming("integration-events")
    public Uni<Void> receive(Message<byte[]> message) {
        return subscription.receive(message);
    }
}
