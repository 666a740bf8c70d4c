package org.acme.infrastructure.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.acme.infrastructure.rabbitmq.RabbitConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Who is who on the broker: this service's own user, and the user each publishing context connects
 * as, which the broker vouches for in every message's user-id. A context's user is named after it
 * unless {@code integration-events.broker-user.<context>} says otherwise (decision 0015).
 */
@ApplicationScoped
public class BrokerUsers {

    private final Config config;
    private final String own;
    /** Asked for every message: the configuration is read once per context (a lookup was 2 % of a subscriber's CPU). */
    private final ConcurrentHashMap<String, String> byContext = new ConcurrentHashMap<>();

    public BrokerUsers(Config config, RabbitConfig rabbit) {
        this.config = config;
        this.own = rabbit.username();
    }

    /** The user this service connects as. */
    public String own() {
        return own;
    }

    /** The user a context publishes as. */
    public String of(String context) {
        return byContext.computeIfAbsent(context,
                name -> config.getOptionalValue("integration-events.broker-user." + name, String.class).orElse(name));
    }
}
