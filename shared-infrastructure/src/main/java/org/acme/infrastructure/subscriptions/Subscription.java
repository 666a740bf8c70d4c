package org.acme.infrastructure.subscriptions;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What a service's {@code @Incoming} method does with each message of its queue. The connector
 * hands messages over one at a time, in queue order (the next one already fetched: prefetch 2), and
 * the next one only once the returned {@code Uni} has completed: it completes once the outcome is durable — applied and
 * committed, recognised as a duplicate, or dead-lettered with its reason — and the message is
 * acknowledged. A failure that passes by itself (the database away) is retried in place for as long
 * as it lasts; any other is retried a few times, then dead-lettered. Nothing is put back in the
 * queue, where later messages would overtake it. The returned {@code Uni} never fails: a failed one
 * would end the connector's stream for good.
 */
@ApplicationScoped
public class Subscription {

    /** What the subscription is doing, for health checks and tests. */
    public enum State { WAITING, CONSUMING, RETRYING }

    private final Dispatcher dispatcher;
    private final SubscriptionConfig config;
    private volatile State state = State.WAITING;

    public Subscription(Dispatcher dispatcher, SubscriptionConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    public State state() {
        return state;
    }

    public Uni<Void> receive(Message<byte[]> message) {
        Context context = Vertx.currentContext();
        return untilSettled(message.getPayload(), arrivedThrough(message), context, 0, config.retryDelay())
                .chain(dispatch -> settle(message, dispatch))
                .onFailure().recoverWithUni(unexpected -> deadLetter(message, "cannot be processed: " + unexpected))
                .onFailure().recoverWithNull();
    }

    private Uni<Dispatch> untilSettled(byte[] body, String arrivedThrough, Context context, int failures, Duration pause) {
        return dispatcher.dispatch(body, arrivedThrough).chain(dispatch -> switch (dispatch.outcome()) {
            case TRANSIENT -> {
                state = State.RETRYING;
                yield later(pause, context).chain(() -> untilSettled(body, arrivedThrough, context, failures, next(pause)));
            }
            case FAILED -> failures + 1 >= config.attempts()
                    ? Uni.createFrom().item(Dispatch.unprocessable("failed " + (failures + 1) + " times, last: " + dispatch.reason()))
                    : later(pause, context).chain(() -> untilSettled(body, arrivedThrough, context, failures + 1, next(pause)));
            default -> Uni.createFrom().item(dispatch);
        });
    }

    private Uni<Void> settle(Message<byte[]> message, Dispatch dispatch) {
        state = State.CONSUMING;
        return switch (dispatch.outcome()) {
            case APPLIED, DUPLICATE -> Uni.createFrom().completionStage(message::ack);
            default -> deadLetter(message, dispatch.reason());
        };
    }

    /** The connector's failure strategy ({@link DeadLetterFailureHandler}) moves it to the DLQ with this reason. */
    private static Uni<Void> deadLetter(Message<byte[]> message, String reason) {
        return Uni.createFrom().completionStage(() -> message.nack(new DeadLetterReason(reason)));
    }

    /** A dead letter moved back into the queue comes through the default exchange, with where it first came from. */
    private static String arrivedThrough(Message<byte[]> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(metadata -> metadata.getExchange() == null || metadata.getExchange().isEmpty()
                        ? metadata.getHeader(DeadLetters.ORIGINAL_EXCHANGE, Object.class).map(String::valueOf).orElse("")
                        : metadata.getExchange())
                .orElse("");
    }

    /** Waits, then carries on on the message's own (duplicated) context: the next transaction needs it. */
    private static Uni<Void> later(Duration pause, Context context) {
        Executor onContext = command -> context.runOnContext(ignored -> command.run());
        return Uni.createFrom().voidItem().onItem().delayIt().by(pause).emitOn(onContext);
    }

    private static Duration next(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : doubled;
    }
}
