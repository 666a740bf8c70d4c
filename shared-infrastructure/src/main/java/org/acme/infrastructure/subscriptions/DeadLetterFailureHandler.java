package org.acme.infrastructure.subscriptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BasicProperties;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMessage;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnector;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.rabbitmq.fault.RabbitMQFailureHandler;
import io.vertx.mutiny.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The incoming channel's {@code failure-strategy}: a nacked message goes to the service's DLQ with
 * the nack's cause as {@code x-dead-letter-reason}, then is acknowledged. The connector's own
 * strategies cannot carry a reason ({@code reject} drops the message where the queue has no DLX,
 * and dead-letters it anonymously where it has one).
 */
@ApplicationScoped
@Identifier(DeadLetterFailureHandler.STRATEGY)
public class DeadLetterFailureHandler implements RabbitMQFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-with-reason";

    private final DeadLetters deadLetters;

    public DeadLetterFailureHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public RabbitMQFailureHandler create(RabbitMQConnectorIncomingConfiguration config, RabbitMQConnector connector) {
        return new RabbitMQFailureHandler() {
            @Override
            public <V> CompletionStage<Void> handle(IncomingRabbitMQMessage<V> message, Metadata metadata, Context context,
                                                    Throwable reason) {
                var delivery = message.message.envelope();
                return deadLetters.moveToDeadLetterQueue(delivery.getExchange(), delivery.getRoutingKey(),
                                amqpProperties(message.message.properties()), message.message.body().getBytes(),
                                String.valueOf(reason.getMessage()), reason instanceof DeadLetterReason why ? why.tries() : 1)
                        .thenCompose(moved -> acknowledgeOn(context, message));
            }
        };
    }

    /** Acknowledges on the channel's context, as the connector's own strategies do. */
    private static CompletionStage<Void> acknowledgeOn(Context context, IncomingRabbitMQMessage<?> message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        context.runOnContext(() -> {
            message.acknowledgeMessage();
            acknowledged.complete(null);
        });
        return acknowledged;
    }

    private static AMQP.BasicProperties amqpProperties(BasicProperties properties) {
        if (properties instanceof AMQP.BasicProperties amqp) {
            return amqp;
        }
        return new AMQP.BasicProperties.Builder().contentType(properties.getContentType())
                .contentEncoding(properties.getContentEncoding()).headers(properties.getHeaders())
                .deliveryMode(properties.getDeliveryMode()).priority(properties.getPriority())
                .correlationId(properties.getCorrelationId()).replyTo(properties.getReplyTo())
                .expiration(properties.getExpiration()).messageId(properties.getMessageId())
                .timestamp(properties.getTimestamp()).type(properties.getType()).userId(properties.getUserId())
                .appId(properties.getAppId()).build();
    }
}
