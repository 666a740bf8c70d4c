package org.acme.infrastructure.subscriptions;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMessage;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.acme.infrastructure.operations.IntegrationEventMetrics;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.tracing.MessageTracing;
import org.acme.integrationevents.Envelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What a service's {@code @Incoming} method does with each message of its queue. Messages about one
 * aggregate are handled one at a time, in queue order; messages about different aggregates are
 * applied together, as many as the broker lets the consumer hold (the prefetch, decision 0013): those
 * whose turn has come while a transaction runs are applied in the next one, all of them in one
 * transaction (decision 0019). The method returns as soon as a message has its place in line, so the
 * connector hands over the next one; each message is acknowledged once its outcome is durable —
 * applied and committed, recognised as a duplicate, or dead-lettered with its reason — and only then
 * does the broker send another. A batch that fails is rolled back and its messages are tried alone. A
 * failure that passes by itself (the database away) is retried in place for as long as it lasts; any
 * other is retried a few times, then dead-lettered. Nothing is put back in the queue, where later
 * messages would overtake it. The returned {@code Uni} never fails: a failed one would end the
 * connector's stream for good.
 */
@ApplicationScoped
public class Subscription {

    /** What the subscription is doing, for health checks and tests. */
    public enum State { WAITING, CONSUMING, RETRYING }

    private static final Logger LOG = Logger.getLogger(Subscription.class);
    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(5);

    private final Dispatcher dispatcher;
    private final SubscriptionConfig config;
    private final IntegrationEventMetrics metrics;
    private final MessageTracing tracing;
    private final String queue;
    private final InOrderPerKey inOrder = new InOrderPerKey();
    /** Null when batches are off: each message is then tried alone. */
    private final BatchLanes<Turn, Optional<Dispatch>> batches;
    private final AtomicInteger inHand = new AtomicInteger();
    private volatile State state = State.WAITING;
    /** The broker's consumer that delivered the latest message: a new one after each reconnection. */
    private volatile String consumer;

    public Subscription(Dispatcher dispatcher, SubscriptionConfig config, IntegrationEventMetrics metrics, MessageTracing tracing,
                        @ConfigProperty(name = "integration-events.context") String context) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.metrics = metrics;
        this.tracing = tracing;
        this.queue = Topology.queueOf(context);
        // One lane: two batches running at once could each lock a row the other then waits for.
        this.batches = config.batches()
                ? new BatchLanes<>(this::applyTogether, config.prefetch(), 1, config.slowBatch(), Infrastructure.getDefaultWorkerPool())
                : null;
        metrics.inHand(inHand::get);
        metrics.subscribedTo(dispatcher.eventTypes());
    }

    public State state() {
        return state;
    }

    /** Puts the message in line behind the earlier messages about its aggregate, and answers at once. */
    public Uni<Void> receive(Message<byte[]> message) {
        Context context = contextOfItsOwn(Vertx.currentContext());
        consumer = consumerOf(message);
        Received received = Received.from(message.getPayload());
        inHand.incrementAndGet();
        inOrder.submit(received.orderKey(), () -> onContext(context, () -> handle(message, received)))
                .whenComplete((settled, alsoSettled) -> inHand.decrementAndGet());
        return Uni.createFrom().voidItem();
    }

    /**
     * Messages handled side by side, and the tries of one message, must not share a reactive session,
     * which lives in the Vert.x context: each gets a duplicated context of its own, flagged safe for
     * Hibernate Reactive as the connector's would be.
     */
    private static Context contextOfItsOwn(Context from) {
        Context context = VertxContext.createNewDuplicatedContext(from);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Messages received and not yet settled (applied, skipped or dead-lettered): waiting their turn or being handled. */
    public int inHand() {
        return inHand.get();
    }

    private Uni<Void> handle(Message<byte[]> message, Received received) {
        long turn = System.nanoTime();
        Turn its = new Turn(received, arrivalOf(message), traceParentOf(message), Vertx.currentContext());
        return Uni.createFrom().deferred(() -> firstTry(its))
                .chain(dispatch -> decide(its, dispatch, 0, config.retryDelay()))
                .invoke(dispatch -> metrics.handled(received.type(), counted(dispatch), Duration.ofNanos(System.nanoTime() - turn)))
                .chain(dispatch -> settle(message, dispatch))
                .onFailure().recoverWithUni(unexpected -> deadLetter(message, "cannot be processed: " + unexpected, 1))
                .onFailure().recoverWithNull();
    }

    /** A message whose turn has come, with what its handling needs of its delivery. */
    private record Turn(Received received, Arrival arrival, String traceParent, Context context) {
    }

    /**
     * The first try: none for a message that can never be applied; otherwise in a batch with the
     * other messages whose turn has come, or alone when batches are off or its batch failed.
     */
    private Uni<Dispatch> firstTry(Turn turn) {
        Optional<Dispatch> refused = dispatcher.refusal(turn.received(), turn.arrival());
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        if (batches == null) {
            return attempt(turn);
        }
        return Uni.createFrom().completionStage(() -> batches.submit(turn))
                .emitOn(command -> turn.context().runOnContext(ignored -> command.run()))
                .chain(inBatch -> inBatch.map(dispatch -> Uni.createFrom().item(dispatch)).orElseGet(() -> attempt(turn)));
    }

    /**
     * One transaction for every message in the batch, applied in the order their turns came (one per
     * aggregate at most: the next of an aggregate waits until this one is settled). A batch of one is
     * a try like any other. A batch of more that fails is rolled back whole, and answers nothing:
     * each of its messages is then tried alone, so the one at fault is retried and dead-lettered alone.
     */
    private CompletionStage<List<Optional<Dispatch>>> applyTogether(List<Turn> turns) {
        if (turns.size() == 1) {
            return attempt(turns.get(0)).map(dispatch -> List.of(Optional.of(dispatch))).subscribeAsCompletionStage();
        }
        Context own = contextOfItsOwn(turns.get(0).context());
        Duration patience = config.attemptPatience();
        List<Span> spans = turns.stream().map(turn -> tracing.processing(turn.traceParent(), queue, turn.received().messageId(),
                turn.received().type())).toList();
        List<Envelope> envelopes = turns.stream().map(turn -> turn.received().envelope()).toList();
        return Uni.createFrom().<List<Dispatch>>emitter(emitter -> own.runOnContext(ignored -> dispatcher
                        // Each message's span current while it is applied: the events it causes carry its trace on.
                        .applyTogether(envelopes, index -> spans.get(index).makeCurrent())
                        .subscribe().with(emitter::complete, emitter::fail)))
                .ifNoItem().after(patience).failWith(() -> new TimeoutException("no outcome within " + patience))
                .map(dispatches -> {
                    metrics.batch(turns.size());
                    spans.forEach(span -> MessageTracing.end(span, null));
                    return dispatches.stream().map(Optional::of).toList();
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("a batch of %d messages failed, each is tried alone: %s", turns.size(), failure.toString());
                    spans.forEach(span -> MessageTracing.end(span, "its batch failed: " + failure));
                    return Collections.nCopies(turns.size(), Optional.<Dispatch>empty());
                })
                .subscribeAsCompletionStage();
    }

    private static IntegrationEventMetrics.Handled counted(Dispatch dispatch) {
        return switch (dispatch.outcome()) {
            case APPLIED -> IntegrationEventMetrics.Handled.APPLIED;
            case DUPLICATE -> IntegrationEventMetrics.Handled.DUPLICATE;
            default -> IntegrationEventMetrics.Handled.DEAD_LETTERED;
        };
    }

    /**
     * Runs the work on the message's own (duplicated) Vert.x context, whichever thread finished the
     * message before it: its transaction's reactive session lives there.
     */
    private static CompletableFuture<Void> onContext(Context context, Supplier<Uni<Void>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(done::complete, done::completeExceptionally);
            } catch (RuntimeException unexpected) {
                done.completeExceptionally(unexpected);
            }
        });
        return done;
    }

    /** Tries again, alone, until the message is settled: in place, after a pause that doubles. */
    private Uni<Dispatch> untilSettled(Turn turn, int failures, Duration pause) {
        return attempt(turn).chain(dispatch -> decide(turn, dispatch, failures, pause));
    }

    /** Settles on a try's outcome, or tries again: for as long as a passing failure lasts, a few times for another. */
    private Uni<Dispatch> decide(Turn turn, Dispatch dispatch, int failures, Duration pause) {
        String type = turn.received().type();
        return switch (dispatch.outcome()) {
            case TRANSIENT -> {
                state = State.RETRYING;
                metrics.handled(type, IntegrationEventMetrics.Handled.RETRIED, Duration.ZERO);
                yield later(pause, turn.context()).chain(() -> untilSettled(turn, failures, next(pause)));
            }
            case FAILED -> {
                if (failures + 1 >= config.attempts()) {
                    yield Uni.createFrom().item(Dispatch.unprocessable("failed " + (failures + 1) + " times, last: " + dispatch.reason())
                            .afterTries(failures + 1));
                }
                metrics.handled(type, IntegrationEventMetrics.Handled.RETRIED, Duration.ZERO);
                yield later(pause, turn.context()).chain(() -> untilSettled(turn, failures + 1, next(pause)));
            }
            default -> Uni.createFrom().item(dispatch);
        };
    }

    /**
     * One try, alone, on a Vert.x context of its own, its outcome handed back on the message's. A try with no
     * outcome within {@code attempt-patience} is given up, and counts as a failure that passes: the
     * database ends a transaction left idle ({@code idle-in-transaction-timeout}), releasing its locks,
     * and the inbox makes the next try harmless should it have committed after all. The next try must
     * not find the abandoned one's session, which stays in the context it was opened in (decision 0013).
     */
    private Uni<Dispatch> attempt(Turn turn) {
        Received received = turn.received();
        Context messageContext = turn.context();
        Context own = contextOfItsOwn(messageContext);
        Duration patience = config.attemptPatience();
        Span span = tracing.processing(turn.traceParent(), queue, received.messageId(), received.type());
        return Uni.createFrom().<Dispatch>emitter(emitter -> own.runOnContext(ignored -> {
                    // Current in the try's own context for as long as the context lives (the try), not closed when
                    // this callback returns: the events its transaction writes later carry the trace on.
                    span.makeCurrent();
                    dispatcher.applyOnce(received.envelope()).subscribe().with(emitter::complete, emitter::fail);
                }))
                .ifNoItem().after(patience).recoverWithItem(() -> {
                    LOG.warnf("a try of %s gave no outcome within %s: given up, tried again", received.describe(), patience);
                    return Dispatch.transientFailure("no outcome within " + patience);
                })
                .invoke(dispatch -> MessageTracing.end(span, dispatch.outcome() == Dispatch.Outcome.APPLIED
                        || dispatch.outcome() == Dispatch.Outcome.DUPLICATE ? null : dispatch.reason()))
                .onFailure().invoke(failure -> MessageTracing.end(span, failure.toString()))
                .emitOn(command -> messageContext.runOnContext(ignored -> command.run()));
    }

    private Uni<Void> settle(Message<byte[]> message, Dispatch dispatch) {
        state = State.CONSUMING;
        if (!Objects.equals(consumerOf(message), consumer)) {
            // Its channel died while it was handled, and the broker delivers it again. The connector
            // would acknowledge its delivery tag on the new channel, where the tag is unknown (the
            // broker closes the channel) or names another message (acknowledged unhandled).
            LOG.infof("not settling a message delivered before the connection dropped: it comes again, and the inbox knows it");
            return Uni.createFrom().voidItem();
        }
        Uni<Void> settled = switch (dispatch.outcome()) {
            case APPLIED, DUPLICATE -> Uni.createFrom().completionStage(message::ack);
            default -> deadLetter(message, dispatch.reason(), dispatch.tries());
        };
        // An acknowledgement sent while the connection drops may never be answered: the message then
        // comes again (the inbox knows it), and the messages behind it must not wait for ever.
        return settled.ifNoItem().after(SETTLE_PATIENCE).recoverWithItem(() -> {
            LOG.infof("no answer to settling a message within %s (the connection dropped?): it comes again", SETTLE_PATIENCE);
            return null;
        });
    }

    private static String consumerOf(Message<byte[]> message) {
        return message instanceof IncomingRabbitMQMessage<?> delivered ? delivered.getRabbitMQMessage().consumerTag() : null;
    }

    /** The connector's failure strategy ({@link DeadLetterFailureHandler}) moves it to the DLQ with this reason. */
    private static Uni<Void> deadLetter(Message<byte[]> message, String reason, int tries) {
        return Uni.createFrom().completionStage(() -> message.nack(new DeadLetterReason(reason, tries)));
    }

    /** What the broker vouches for: the exchange, the validated user-id, and for a message put in directly, its origin as recorded. */
    private static String traceParentOf(Message<byte[]> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(metadata -> Optional.ofNullable(metadata.getHeaders().get(MessageTracing.HEADER)))
                .map(String::valueOf).orElse(null);
    }

    private static Arrival arrivalOf(Message<byte[]> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(metadata -> Arrival.of(metadata.getExchange(), metadata.getUserId().orElse(null), metadata.getHeaders()))
                .orElse(new Arrival("", null, null, null));
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
