package org.acme.infrastructure.rabbitmq;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the broker is; set through RABBITMQ_HOST, RABBITMQ_PORT, ... in each environment. */
@ConfigMapping(prefix = "rabbitmq")
public interface RabbitConfig {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    @WithDefault("guest")
    String username();

    @WithDefault("guest")
    String password();

    @WithDefault("/")
    String virtualHost();
}
