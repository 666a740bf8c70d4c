package org.acme.infrastructure.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends dead letters back into the service's queue, through its redrive exchange, as this service's
 * own user: the only way back a subscriber accepts (decision 0015). A dead letter this service wrote
 * (its own user-id) keeps the origin it recorded; one the broker dead-lettered keeps the user-id it
 * was published with, validated then, and the exchange the broker recorded in {@code x-death};
 * anything else is sent with the origin the broker vouches for, and a subscriber refuses it again.
 * Confirmed before the caller marks it redriven: a crash in between sends it twice, and the inbox
 * applies it once. Blocking (the AMQP client): callers run it off the event loop.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final RabbitConnector rabbit;
    private final String context;

    public DeadLetterRedrive(RabbitConnector rabbit, @ConfigProperty(name = "integration-events.context") String context) {
        this.rabbit = rabbit;
        this.context = context;
    }

    /** Sends each back, confirmed and routed to the queue; throws if the broker did not take all of them. */
    public void send(List<DeadLetter> letters) throws IOException, TimeoutException, InterruptedException {
        if (letters.isEmpty()) {
            return;
        }
        try (Connection connection = rabbit.connect(context + "-redrive"); Channel channel = connection.createChannel()) {
            // A message no queue takes is confirmed all the same: only its return says it went nowhere.
            AtomicInteger returned = new AtomicInteger();
            channel.addReturnListener(unroutable -> returned.incrementAndGet());
            channel.confirmSelect();
            for (DeadLetter letter : letters) {
                channel.basicPublish(Topology.redriveExchangeOf(context), letter.routingKey(), true, propertiesOf(letter), letter.body());
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            if (returned.get() > 0) {
                throw new IOException(returned.get() + " dead letters found no queue behind " + Topology.redriveExchangeOf(context)
                        + ": the subscription's topology is being declared again, try later");
            }
        }
    }

    private AMQP.BasicProperties propertiesOf(DeadLetter letter) {
        Map<String, Object> headers = new HashMap<>(letter.headers());
        if (!rabbit.username().equals(letter.userId())) {
            headers.put("x-original-exchange", exchangeTheBrokerRecorded(letter.headers()));
            if (letter.userId() == null) {
                headers.remove("x-original-user-id");
            } else {
                headers.put("x-original-user-id", letter.userId());
            }
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(letter.messageId())
                .type(letter.eventType())
                .contentType("application/json")
                .deliveryMode(2)
                .userId(rabbit.username())
                .headers(headers)
                .build();
    }

    private static String exchangeTheBrokerRecorded(Map<String, Object> headers) {
        return headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty() && deaths.get(0) instanceof Map<?, ?> death
                && death.get("exchange") != null ? death.get("exchange").toString() : "";
    }
}
