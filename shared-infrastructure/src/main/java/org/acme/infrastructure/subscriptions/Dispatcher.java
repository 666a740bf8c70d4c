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
        this.byEventType = subscribers.stream()
                .map(handle -> new Registered(handle.getBean().getBeanClass().getSimpleName(), handle.get()))
                .collect(Collectors.groupingBy(registered -> Contracts.of(registered.subscriber().contract()).type()));
    }

    /** Every subscriber of this service, for declaring the queue's bindings. */
    public Collection<Subscriber> subscribers() {
        return byEventType.values().stream().flatMap(List::stream).map(Registered::subscriber).toList();
    }

    public Dispatch dispatch(byte[] body) {
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
        Optional<String> invalid = schemas.violations(publisherOf(targets.get(0).subscriber()), envelope);
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
        LOG.warnf(cause, "applying %s %s failed", envelope.type(), envelope.id());
        return Dispatch.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
