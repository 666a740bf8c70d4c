package org.acme.infrastructure.testing;

import org.acme.infrastructure.rabbitmq.RabbitConfig;

/**
 * Broker settings that reach the tests' broker through a {@link TcpProxy}, as the user of the
 * infrastructure tests' own context, for a relay or subscription a test builds itself.
 */
public record ProxiedBroker(int port) implements RabbitConfig {

    /** The context of the infrastructure's own tests (their application.properties). */
    public static final String CONTEXT = "infratest";

    public static ProxiedBroker through(TcpProxy proxy) {
        return new ProxiedBroker(proxy.port());
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public String username() {
        return CONTEXT;
    }

    @Override
    public String password() {
        return org.acme.processes.LocalCredentials.brokerPassword(CONTEXT);
    }

    @Override
    public String virtualHost() {
        return LocalBroker.testVirtualHost();
    }
}
