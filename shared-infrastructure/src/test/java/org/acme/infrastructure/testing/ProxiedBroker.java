package org.acme.infrastructure.testing;

import org.acme.infrastructure.rabbitmq.RabbitConfig;

/** Broker settings that reach the tests' broker through a {@link TcpProxy}, for a relay or subscription a test builds itself. */
public record ProxiedBroker(int port) implements RabbitConfig {

    public static ProxiedBroker through(TcpProxy proxy) {
        return new ProxiedBroker(proxy.port());
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public String username() {
        return LocalBroker.username();
    }

    @Override
    public String password() {
        return LocalBroker.password();
    }

    @Override
    public String virtualHost() {
        return LocalBroker.testVirtualHost();
    }
}
