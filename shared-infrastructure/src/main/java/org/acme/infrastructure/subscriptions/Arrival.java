package org.acme.infrastructure.subscriptions;

import java.util.Map;
import java.util.Optional;

/**
 * How a message reached this service's queue, as far as the broker vouches for it (decision 0015).
 *
 * @param exchange         the exchange it came through: a publisher's, this service's redrive exchange
 *                         for a dead letter moved back, or empty for the default exchange
 * @param userId           the AMQP user-id: when set, the broker has checked that it names the user
 *                         that published the message; null when the publisher did not set it
 * @param originalExchange for a dead letter moved back, the exchange it first came through, as this
 *                         service recorded it when it dead-lettered it
 * @param originalUserId   likewise, the user-id it first came with
 */
record Arrival(String exchange, String userId, String originalExchange, String originalUserId) {

    /** Headers this service writes on a dead letter: read back only from a message its own user put into the queue. */
    static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    static final String ORIGINAL_USER_ID = "x-original-user-id";

    static Arrival of(String exchange, String userId, Map<String, Object> headers) {
        return new Arrival(exchange == null ? "" : exchange, userId, header(headers, ORIGINAL_EXCHANGE), header(headers, ORIGINAL_USER_ID));
    }

    private static String header(Map<String, Object> headers, String name) {
        return Optional.ofNullable(headers).map(all -> all.get(name)).map(String::valueOf).orElse(null);
    }
}
