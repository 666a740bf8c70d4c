package org.acme.infrastructure.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.acme.infrastructure.operations.IntegrationEventMetrics;
import org.acme.infrastructure.tracing.MessageTracing;
import org.acme.infrastructure.rabbitmq.Backoff;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.rabbitmq.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to RabbitMQ, in outbox order, and marks a row published only
 * after the broker confirmed it.
 *
 * <ul>
 *   <li>No high-water mark: each pass reads every row still unpublished, so a transaction that took
 *       an early position but committed late is published on the pass after its commit.</li>
 *   <li>Woken by NOTIFY at commit; the poll interval is only the fallback (and the catch-up after a
 *       reconnection, when notifications may have been missed).</li>
 *   <li>One leader per database (an advisory lock held by its own session): with several instances,
 *       one publishes and the others stand by, so each aggregate's events keep their order.</li>
 *   <li>A crash between publish and mark republishes the batch: consumers see a duplicate (their
 *       inbox skips it), never a gap.</li>
 * </ul>
 *
 * It runs as one loop on a thread of its own: its database session is a reactive connection
 * ({@link RelayConnection}), whose statements it awaits; the AMQP client it publishes with blocks.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What the relay is doing, for health checks and tests. */
    public enum State { STARTING, STANDBY, LEADING, BROKER_UNAVAILABLE, TOPOLOGY_RECOVERING, DATABASE_UNAVAILABLE, STOPPED }

    private final OutboxConfig config;
    private final RabbitConnector rabbit;
    private final IntegrationEventMetrics metrics;
    private final MessageTracing tracing;
    private final Vertx vertx;
    private final String context;
    private final PgConnectOptions database;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean sessionLost;
    private volatile State state = State.STOPPED;
    private volatile Thread worker;
    private volatile Runnable afterPublishBeforeMark = () -> { };
    /** Rows of batches the broker did not confirm: counted as republished once they are. */
    private final Set<Long> triedBefore = new HashSet<>();

    public OutboxRelay(OutboxConfig config, RabbitConnector rabbit, IntegrationEventMetrics metrics, MessageTracing tracing, Vertx vertx,
                       @ConfigProperty(name = "integration-events.context") String context,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.rabbit = rabbit;
        this.metrics = metrics;
        this.tracing = tracing;
        this.vertx = vertx;
        this.context = context;
        this.database = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setConnectTimeout(5_000)
                .addProperty("application_name", context + "-outbox-relay");
        user.ifPresent(database::setUser);
        password.ifPresent(database::setPassword);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        state = State.STARTING;
        worker = new Thread(this::run, context + "-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        running = false;
        wakeUp.release();
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        state = State.STOPPED;
        metrics.leading(false);
    }

    public State state() {
        return state;
    }

    /** A fault-injection point for tests: runs after the broker confirmed a batch, before marking it. */
    void afterPublishBeforeMark(Runnable hook) {
        this.afterPublishBeforeMark = hook;
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        try (ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, tracing, context, config.confirmTimeout())) {
            while (running) {
                sessionLost = false;
                try (RelayConnection session = RelayConnection.open(vertx, database, wakeUp::release, this::loseSession)) {
                    backoff.reset();
                    lead(session, publisher);
                } catch (RuntimeException e) {
                    metrics.leading(false);
                    if (running) {
                        state = State.DATABASE_UNAVAILABLE;
                        LOG.warnf("outbox relay lost its database session, reconnecting: %s", e.getMessage());
                        backoff.pause();
                    }
                }
            }
        }
    }

    private void loseSession() {
        sessionLost = true;
        wakeUp.release();
    }

    private void lead(RelayConnection session, ConfirmedPublisher publisher) {
        metrics.leading(false);
        while (running && !session.tryLead()) {
            state = State.STANDBY;
            awaitNotification(session);
        }
        metrics.leading(running);
        Backoff brokerBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        while (running) {
            try {
                relayPending(session, publisher);
                state = State.LEADING;
                brokerBackoff.reset();
                awaitNotification(session);
            } catch (BrokerUnavailable e) {
                state = State.BROKER_UNAVAILABLE;
                LOG.warnf("outbox relay cannot reach the broker, rows stay unpublished: %s", e.getMessage());
                brokerBackoff.pause();
            }
        }
    }

    /** Waits for a commit notification, or the poll interval, whichever comes first; fails once the session is gone. */
    private void awaitNotification(RelayConnection session) {
        try {
            wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sessionLost) {
            throw new IllegalStateException("the relay's database session ended");
        }
    }

    /**
     * Publishes batch after batch until the outbox holds nothing unpublished. The broker and the
     * database work side by side: the next batch is read while the broker confirms the current one,
     * and a batch is marked while the next one is published. Each mark is awaited before the next
     * one is sent, so a lost session stops the relay after at most one batch published and not
     * marked, which is published again (a duplicate, never a gap).
     */
    private void relayPending(RelayConnection session, ConfirmedPublisher publisher) throws BrokerUnavailable {
        // Connected (and the exchange declared) even with nothing to publish: subscribers can only bind
        // to an exchange its publisher declared (decision 0015).
        awaitBindingsIfExchangeWasMissing(publisher);
        List<OutboxMessage> batch = session.nextBatch(config.batchSize());
        CompletableFuture<Void> marking = CompletableFuture.completedFuture(null);
        while (!batch.isEmpty()) {
            awaitBindingsIfExchangeWasMissing(publisher);
            CompletableFuture<List<OutboxMessage>> next = running && batch.size() == config.batchSize()
                    ? session.nextBatchAfter(batch.get(batch.size() - 1).position(), config.batchSize())
                    : CompletableFuture.completedFuture(List.of());
            long sent = System.nanoTime();
            Publication publication;
            try {
                publication = publisher.publish(batch);
            } catch (BrokerUnavailable e) {
                notConfirmed(batch, e.getCause() instanceof java.util.concurrent.TimeoutException ? "timeout" : "unavailable");
                throw e;
            }
            recordConfirmed(publication, Duration.ofNanos(System.nanoTime() - sent));
            afterPublishBeforeMark.run();
            RelayConnection.await(marking);
            marking = session.markPublished(publication.confirmed());
            parkUnpublishable(session, publication, batch);
            int unconfirmed = batch.size() - publication.confirmed().size() - publication.unpublishable().size();
            if (unconfirmed > 0) {
                notConfirmed(batch.stream().filter(row -> !publication.confirmed().contains(row.position())).toList(),
                        publication.returned().isEmpty() ? "nack" : "returned");
                throw new BrokerUnavailable(unconfirmed + " of " + batch.size() + " messages were not confirmed"
                        + (publication.returned().isEmpty() ? "" : " (" + publication.returned().size() + " unroutable)"), null);
            }
            batch = RelayConnection.await(next);
        }
        RelayConnection.await(marking);
    }

    /** Counts what the broker confirmed, and of it what had been sent before without a confirm. */
    private void recordConfirmed(Publication publication, Duration took) {
        if (!publication.confirmed().isEmpty()) {
            metrics.published(publication.confirmed().size(), took);
        }
        int again = 0;
        for (Long position : publication.confirmed()) {
            again += triedBefore.remove(position) ? 1 : 0;
        }
        if (again > 0) {
            metrics.republished(again);
        }
    }

    /** Rows sent without a confirm (nack, returned, timeout, the broker away): they will be sent again. */
    private void notConfirmed(List<OutboxMessage> rows, String reason) {
        metrics.refused(reason, rows.size());
        if (triedBefore.size() < 100_000) {
            rows.forEach(row -> triedBefore.add(row.position()));
        }
    }

    /**
     * An exchange that had to be created has no binding: it never existed (a first deployment), or it
     * was deleted and took every subscriber's binding with it. Publishing into it at once would route
     * each event to the alternate exchange, away from its subscribers: the relay waits until they have
     * had time to bind (they check every few seconds), and says so in its health meanwhile.
     */
    private void awaitBindingsIfExchangeWasMissing(ConfirmedPublisher publisher) throws BrokerUnavailable {
        if (publisher.connectFindingExchangeMissing()) {
            state = State.TOPOLOGY_RECOVERING;
            LOG.warnf("%s did not exist and is declared now; waiting %s for the subscribers to bind before publishing",
                    Topology.exchangeOf(context), config.topologyGrace());
            try {
                Thread.sleep(config.topologyGrace().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A row no broker can take is set aside with its reason, so that it stops nothing; it stays in
     * the outbox, and the health check reports it until someone mends it.
     */
    private static void parkUnpublishable(RelayConnection session, Publication publication, List<OutboxMessage> batch) {
        for (OutboxMessage message : batch) {
            String reason = publication.unpublishable().get(message.position());
            if (reason != null) {
                LOG.errorf("%s %s cannot be published (%s): parked in the outbox", message.eventType(), message.messageId(), reason);
                session.park(message.position(), reason);
            }
        }
    }
}
