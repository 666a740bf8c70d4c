package org.acme.infrastructure.subscriptions;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.acme.infrastructure.failures.TransientFailure;
import org.acme.infrastructure.inbox.Inbox;
import org.acme.integrationevents.Contracts;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.MalformedEnvelope;
import org.jboss.logging.Logger;

/**
 * Turns one message into the effects of this service's subscribers: reads the envelope, checks
 * that every subscriber knows its version, then applies them and records the event in the inbox
 * in one transaction. Knows nothing of the broker, so each outcome is decided in one place.
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

    public Dispatcher(@All List<InstanceHandle<Subscriber>> subscribers, Inbox inbox, PayloadSchemas schemas) {
        this.inbox = inbox;
        this.schemas = schemas;
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

    /**
     * @param arrivedThrough the exchange the message came through (for a redriven dead letter, the
     *                       exchange it was first delivered from)
     */
    public Dispatch dispatch(byte[] body, String arrivedThrough) {
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.decode(body);
        } catch (MalformedEnvelope e) {
            return Dispatch.unprocessable("malformed envelope: " + e.getMessage());
        }
        List<Registered> targets = byEventType.get(envelope.type());
        if (targets == null) {
            return Dispatch.unprocessable("unknown event type " + envelope.type() + ": no subscriber here handles it");
        }
        for (Registered target : targets) {
            if (!target.subscriber().versions().contains(envelope.schemaVersion())) {
                return Dispatch.unprocessable("unsupported version " + envelope.schemaVersion() + " of " + envelope.type()
                        + ": " + target.name() + " handles versions " + new TreeSet<>(target.subscriber().versions()));
            }
        }
        String publisher = publisherOf(targets.get(0).subscriber());
        Optional<String> foreign = Provenance.problems(envelope, publisher, arrivedThrough);
        if (foreign.isPresent()) {
            return Dispatch.unprocessable(foreign.get());
        }
        Optional<String> invalid = schemas.violations(publisher, envelope);
        if (invalid.isPresent()) {
            return Dispatch.unprocessable(invalid.get());
        }
        return applyOnce(envelope, targets);
    }

    /** The publisher is the package the contract lives in: org.acme.integrationevents.<publisher>. */
    static String publisherOf(Subscriber subscriber) {
        String packageName = subscriber.contract().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private Dispatch applyOnce(Envelope envelope, List<Registered> targets) {
        try {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                boolean any = false;
                for (Registered target : targets) {
                    if (inbox.recordFirstDelivery(target.name(), envelope.id(), envelope.type())) {
                        target.subscriber().handle(envelope);
                        any = true;
                    }
                }
                return any;
            });
            return applied ? Dispatch.applied() : Dispatch.duplicate();
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof MalformedEnvelope malformed) {
                return Dispatch.unprocessable(malformed.getMessage());
            }
            return failed(envelope, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return failed(envelope, e);
        }
    }

    private static Dispatch failed(Envelope envelope, Throwable cause) {
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (TransientFailure.is(cause)) {
            LOG.infof("applying %s %s failed for a passing reason, retrying: %s", envelope.type(), envelope.id(), reason);
            return Dispatch.transientFailure(reason);
        }
        LOG.warnf(cause, "applying %s %s failed", envelope.type(), envelope.id());
        return Dispatch.failed(reason);
    }
}
