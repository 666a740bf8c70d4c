package org.acme.infrastructure.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Opens broker connections. Automatic recovery is off on purpose: the outbox relay and the
 * subscription each run their own reconnect loop, so that what happens after a broker outage
 * (catch-up, redeclaring topology, redelivery) is explicit and tested.
 */
@ApplicationScoped
public class RabbitConnector {

    private final ConnectionFactory factory = new ConnectionFactory();
    private final String username;

    public RabbitConnector(RabbitConfig config) {
        this.username = config.username();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(10);
    }

    /** The user this service connects as: the broker refuses a message whose user-id names another. */
    public String username() {
        return username;
    }

    public Connection connect(String connectionName) throws IOException, TimeoutException {
        return factory.newConnection(connectionName);
    }

    /** Closes a connection that may be gone already; its unacknowledged messages return to their queues. */
    public static void closeQuietly(Connection connection) {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(1_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // Gone already: nothing to release.
        }
    }
}
