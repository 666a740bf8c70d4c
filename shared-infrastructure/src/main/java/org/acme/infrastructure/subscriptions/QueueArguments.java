package org.acme.infrastructure.subscriptions;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.acme.infrastructure.rabbitmq.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The queue arguments the connector has no attribute for ({@code queue.arguments}): where the
 * broker dead-letters a message that reached the delivery limit, and how. The rest (quorum, single
 * active consumer, delivery limit) are the channel's attributes; together they equal what
 * {@link Topology#declareSubscriber} declares, or the broker would refuse one of the two.
 */
@ApplicationScoped
public class QueueArguments {

    public static final String NAME = "integration-events-queue";

    @Produces
    @Identifier(NAME)
    Map<String, Object> queueArguments(@ConfigProperty(name = "integration-events.context") String context) {
        return Topology.deadLetteringOf(context);
    }
}
