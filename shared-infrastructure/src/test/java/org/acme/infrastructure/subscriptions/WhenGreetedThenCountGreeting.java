package org.acme.infrastructure.subscriptions;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.MalformedEnvelope;
import org.acme.integrationevents.infratest.Greeted;

/**
 * The test subscriber: counts greetings per name. A name starting with "explode" always fails; one
 * starting with "flaky" fails twice, then works; one starting with "unavailable" finds the database
 * away five times (a failure that passes by itself), then works; one starting with "slow" takes
 * 100 ms.
 */
@ApplicationScoped
public class WhenGreetedThenCountGreeting implements Subscriber {

    private final AgroalDataSource dataSource;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public WhenGreetedThenCountGreeting(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
    public void handle(Envelope envelope) throws MalformedEnvelope {
        Greeted greeted = EnvelopeCodec.payload(envelope, Greeted.class);
        int attempt = attempts.computeIfAbsent(greeted.name(), name -> new AtomicInteger()).incrementAndGet();
        if (greeted.name().startsWith("explode") || (greeted.name().startsWith("flaky") && attempt <= 2)) {
            throw new IllegalStateException("greeting " + greeted.name() + " failed on attempt " + attempt);
        }
        if (greeted.name().startsWith("slow")) {
            pause();
        }
        if (greeted.name().startsWith("unavailable") && attempt <= 5) {
            throw new IllegalStateException("cannot count " + greeted.name(),
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("INSERT INTO greetings (name, count) VALUES (?, 1)"
                     + " ON CONFLICT (name) DO UPDATE SET count = greetings.count + 1")) {
            count.setString(1, greeted.name());
            count.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int attemptsFor(String name) {
        AtomicInteger count = attempts.get(name);
        return count == null ? 0 : count.get();
    }
}
