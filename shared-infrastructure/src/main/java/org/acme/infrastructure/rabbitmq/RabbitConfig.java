package org.acme.infrastructure.rabbitmq;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the broker is and who this service is there: RABBITMQ_HOST, RABBITMQ_PORT,
 * RABBITMQ_VIRTUAL_HOST, and its own user, RABBITMQ_USERNAME (the context's name unless set) with
 * RABBITMQ_PASSWORD, which has no default (decision 0015).
 */
@ConfigMapping(prefix = "rabbitmq")
public interface RabbitConfig {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    /** The user the broker knows this service as: the relay stamps it on every message as the validated user-id. */
    String username();

    String password();

    @WithDefault("/")
    String virtualHost();
}
