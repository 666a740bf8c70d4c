package org.acme.infrastructure.subscriptions;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.infrastructure.sql.Sql;
import org.acme.infrastructure.testing.Reactive;
import org.acme.integrationevents.infratest.Greeted;

/**
 * The test subscriber: counts greetings per name. A name starting with "explode" always fails; one
 * starting with "flaky" fails twice, then works; one starting with "unavailable" finds the database
 * away five times (a failure that passes by itself), then works; one starting with "lingering" takes
 * a quarter of a second; one starting with "gated" waits until the test opens its gate ({@link #open}); the
 * next try of a name given to {@link #stallNextTryOf} never ends; a name given to {@link #breakUntilMended}
 * fails until {@link #mend} (a bug, then its fix).
 */
@ApplicationScoped
public class WhenGreetedThenCountGreeting implements Subscriber {

    private final Sql sql;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();
    private final Set<String> toStall = ConcurrentHashMap.newKeySet();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();

    public WhenGreetedThenCountGreeting(Sql sql) {
        this.sql = sql;
    }

    /** The inbox keeps what this subscriber applied under this name: never change it. */
    @Override
    public String name() {
        return "WhenGreetedThenCountGreeting";
    }

    @Override
    public Class<? extends IntegrationEvent> contract() {
        return Greeted.class;
    }

    @Override
    public Set<Integer> versions() {
        return Set.of(1);
    }

    @Override
    public Uni<Void> handle(Envelope envelope) throws MalformedEnvelope {
        Greeted greeted = EnvelopeCodec.payload(envelope, Greeted.class);
        int attempt = attempts.computeIfAbsent(greeted.name(), name -> new AtomicInteger()).incrementAndGet();
        if (greeted.name().startsWith("explode") || (greeted.name().startsWith("flaky") && attempt <= 2)
                || broken.contains(greeted.name())) {
            throw new IllegalStateException("greeting " + greeted.name() + " failed on attempt " + attempt);
        }
        if (greeted.name().startsWith("unavailable") && attempt <= 5) {
            throw new IllegalStateException("cannot count " + greeted.name(),
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        }
        if (toStall.remove(greeted.name())) {
            // A reactive chain that stops mid-transaction: its inbox row is written, and nothing follows.
            return sql.query("SELECT 1").chain(() -> Uni.createFrom().nothing());
        }
        Uni<?> before = greeted.name().startsWith("lingering") ? sql.query("SELECT pg_sleep(0.25)")
                : greeted.name().startsWith("gated") ? Reactive.until(gate(greeted.name()))
                : Uni.createFrom().voidItem();
        return before.chain(() -> Greeting.<Greeting>findById(greeted.name()))
                .chain(greeting -> greeting == null ? firstGreeting(greeted.name()) : Uni.createFrom().item(greeting))
                .invoke(greeting -> greeting.count++)
                .replaceWithVoid();
    }

    private static Uni<Greeting> firstGreeting(String name) {
        Greeting greeting = new Greeting();
        greeting.name = name;
        return greeting.persist();
    }

    /**
     * Makes the next try of the name's greeting stop in the middle of its transaction, for ever: its
     * inbox row is written, and nothing follows. Asked for by the test itself, so that a greeting left
     * in the queue by an interrupted run is applied as any other.
     */
    void stallNextTryOf(String name) {
        toStall.add(name);
    }

    /** The name's greetings fail, for a reason that does not pass by itself, until {@link #mend}. */
    public void breakUntilMended(String name) {
        broken.add(name);
    }

    public void mend(String name) {
        broken.remove(name);
    }

    /** Lets the greetings of a "gated" name through. */
    void open(String name) {
        gate(name).complete(null);
    }

    private CompletableFuture<Void> gate(String name) {
        return gates.computeIfAbsent(name, ignored -> new CompletableFuture<>());
    }

    int attemptsFor(String name) {
        AtomicInteger count = attempts.get(name);
        return count == null ? 0 : count.get();
    }
}
