package org.acme.infrastructure.subscriptions;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.acme.infrastructure.failures.TransientFailure;
import org.acme.infrastructure.inbox.Inbox;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.session.InSequence;
import org.acme.integrationevents.Contracts;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.MalformedEnvelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns messages (each envelope read once: {@link Received}) into the effects of this service's
 * subscribers: checks that every subscriber knows its version and that it comes from its publisher,
 * then applies them and records the event in the inbox in one reactive transaction: a message's own,
 * or one for a batch of them. Knows nothing of the broker, so
 * each outcome is decided in one place.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** A subscriber with the stable name its inbox rows are kept under. */
    record Registered(String name, Subscriber subscriber) {
    }

    private final Map<String, List<Registered>> byEventType;
    private final Inbox inbox;
    private final PayloadSchemas schemas;
    private final BrokerUsers users;
    private final String redriveExchange;

    public Dispatcher(@All List<InstanceHandle<Subscriber>> subscribers, Inbox inbox, PayloadSchemas schemas, BrokerUsers users,
                      @ConfigProperty(name = "integration-events.context") String context) {
        this.inbox = inbox;
        this.schemas = schemas;
        this.users = users;
        this.redriveExchange = Topology.redriveExchangeOf(context);
        List<Registered> registered = subscribers.stream()
                .map(handle -> new Registered(handle.get().name(), handle.get()))
                .toList();
        requireUniqueNames(registered);
        this.byEventType = registered.stream()
                .collect(Collectors.groupingBy(subscriber -> Contracts.of(subscriber.subscriber().contract()).type()));
    }

    /** Two subscribers under one inbox name would skip each other's events as duplicates. */
    private static void requireUniqueNames(List<Registered> subscribers) {
        Map<String, Long> counts = subscribers.stream().collect(Collectors.groupingBy(Registered::name, Collectors.counting()));
        counts.forEach((name, count) -> {
            if (name == null || name.isBlank() || count > 1) {
                throw new IllegalStateException("every subscriber needs a name of its own for the inbox; '" + name
                        + "' is used by " + count);
            }
        });
    }

    /** Every subscriber of this service, for declaring the queue's bindings. */
    public Collection<Subscriber> subscribers() {
        return byEventType.values().stream().flatMap(List::stream).map(Registered::subscriber).toList();
    }

    /** The event types some subscriber of this service handles. */
    public Set<String> eventTypes() {
        return byEventType.keySet();
    }

    /**
     * Why the message can never be applied here, found without the database: unreadable, of a type or
     * version no subscriber handles, not from its publisher, or off its schema. Empty when it can be applied.
     */
    Optional<Dispatch> refusal(Received received, Arrival arrival) {
        if (received.unreadable() != null) {
            return Optional.of(Dispatch.unprocessable(received.unreadable()));
        }
        Envelope envelope = received.envelope();
        List<Registered> targets = byEventType.get(envelope.type());
        Optional<String> refusal = targets == null
                ? Optional.of("unknown event type " + envelope.type() + ": no subscriber here handles it")
                : whyNotApplicable(envelope, targets, arrival);
        return refusal.map(Dispatch::unprocessable);
    }

    /** Every subscriber knows the version, the event comes from its publisher, its payload keeps to its schema. */
    private Optional<String> whyNotApplicable(Envelope envelope, List<Registered> targets, Arrival arrival) {
        for (Registered target : targets) {
            if (!target.subscriber().versions().contains(envelope.schemaVersion())) {
                return Optional.of("unsupported version " + envelope.schemaVersion() + " of " + envelope.type()
                        + ": " + target.name() + " handles versions " + new TreeSet<>(target.subscriber().versions()));
            }
        }
        String publisher = publisherOf(targets.get(0).subscriber());
        return Provenance.problems(envelope, publisher, arrival, users, redriveExchange)
                .or(() -> schemas.violations(publisher, envelope));
    }

    /** The publisher is the package the contract lives in: org.acme.integrationevents.<publisher>. */
    static String publisherOf(Subscriber subscriber) {
        String packageName = subscriber.contract().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    /**
     * Applies a message that passed {@link #refusal}, in a transaction of its own; never fails: every
     * failure is an outcome.
     */
    Uni<Dispatch> applyOnce(Envelope envelope) {
        return applyTogether(List.of(envelope), index -> { })
                .map(outcomes -> outcomes.get(0))
                .onFailure().recoverWithItem(failure -> failed(envelope, failure));
    }

    /**
     * Applies messages that passed {@link #refusal} one after the other in one transaction, and answers
     * each one's outcome (applied or duplicate) once it has committed. Their inbox rows are recorded
     * first, all in one statement; each subscriber then applies the events it had not applied. Fails,
     * all of it rolled back, when any of them fails: which one is for trying them alone to find out.
     *
     * @param beforeEach told the index of each message before it is applied
     */
    Uni<List<Dispatch>> applyTogether(List<Envelope> envelopes, IntConsumer beforeEach) {
        List<Inbox.Delivery> deliveries = envelopes.stream()
                .flatMap(envelope -> byEventType.get(envelope.type()).stream().map(target -> delivery(target, envelope)))
                .toList();
        List<Dispatch> outcomes = new ArrayList<>(envelopes.size());
        return Panache.withTransaction(() -> inbox.recordFirstDeliveries(deliveries)
                        .chain(firsts -> InSequence.each(IntStream.range(0, envelopes.size()).boxed().toList(), index -> {
                            beforeEach.accept(index);
                            Envelope envelope = envelopes.get(index);
                            List<Registered> targets = byEventType.get(envelope.type()).stream()
                                    .filter(target -> firsts.contains(delivery(target, envelope)))
                                    .toList();
                            outcomes.add(targets.isEmpty() ? Dispatch.duplicate() : Dispatch.applied());
                            return InSequence.each(targets, target -> apply(target, envelope));
                        })))
                .replaceWith(outcomes);
    }

    private static Inbox.Delivery delivery(Registered target, Envelope envelope) {
        return new Inbox.Delivery(target.name(), envelope.id(), envelope.type());
    }

    private static Uni<Void> apply(Registered target, Envelope envelope) {
        return Uni.createFrom().deferred(() -> {
            try {
                return target.subscriber().handle(envelope);
            } catch (MalformedEnvelope malformed) {
                return Uni.createFrom().failure(malformed);
            }
        });
    }

    private static Dispatch failed(Envelope envelope, Throwable cause) {
        if (cause instanceof MalformedEnvelope malformed) {
            return Dispatch.unprocessable(malformed.getMessage());
        }
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (TransientFailure.is(cause)) {
            LOG.infof("applying %s %s failed for a passing reason, retrying: %s", envelope.type(), envelope.id(), reason);
            return Dispatch.transientFailure(reason);
        }
        LOG.warnf(cause, "applying %s %s failed", envelope.type(), envelope.id());
        return Dispatch.failed(reason);
    }
}
