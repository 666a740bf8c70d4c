package org.acme.infrastructure.outbox;

import static org.acme.infrastructure.testing.QueueProbe.bodyContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acme.infrastructure.commands.CommandMetadata;
import org.acme.infrastructure.operations.IntegrationEventMetrics;
import org.acme.infrastructure.rabbitmq.RabbitConnector;
import org.acme.infrastructure.retention.Retention;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.infrastructure.testing.ProxiedBroker;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.TcpProxy;
import org.acme.infrastructure.testing.Reactive;
import org.acme.infrastructure.testing.TestServers;
import org.acme.infrastructure.tracing.MessageTracing;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.infratest.Greeted;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the real PostgreSQL and RabbitMQ, including the faults it must survive. */
@QuarkusTest
@WithTestResource(value = TestServers.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "infrastructure_test"), @ResourceArg(name = "context", value = "infratest")})
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;
    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads and writes rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;
    @Inject
    RabbitConnector rabbit;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @Inject
    IntegrationEventMetrics metrics;
    @Inject
    Retention retention;
    @Inject
    MeterRegistry registry;
    @Inject
    MessageTracing tracing;

    private final List<OutboxRelay> relays = new ArrayList<>();
    private QueueProbe probe;

    @BeforeEach
    void emptyOutbox() throws Exception {
        sql("DELETE FROM outbox");
        probe = QueueProbe.on("infratest", "Greeted.*");
    }

    @AfterEach
    void stopRelays() throws Exception {
        relays.forEach(OutboxRelay::stop);
        probe.close();
    }

    @Test
    void publishesCommittedRows_persistent_withTheirIds_andMarksThemOnlyAfterConfirm() {
        double confirmed = registry.counter("relay.published").count();
        Envelope first = enqueue("ada", UUID.randomUUID(), 1);
        Envelope second = enqueue("grace", UUID.randomUUID(), 1);

        startRelay(rabbit, RelaySettings.quick());

        List<QueueProbe.Received> received = probe.await(bodyContains("\"ada\"").or(bodyContains("\"grace\"")), 2, PATIENCE);
        assertThat(received).extracting(message -> message.properties().getMessageId())
                .containsExactly(first.id().toString(), second.id().toString());
        QueueProbe.Received message = received.get(0);
        assertThat(message.routingKey()).isEqualTo("Greeted.v1");
        assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(message.properties().getContentType()).isEqualTo("application/json");
        assertThat(message.properties().getType()).isEqualTo("Greeted");
        assertThat(message.properties().getUserId()).as("the relay's own broker user, which the broker validates")
                .isEqualTo("infratest");
        assertThat(message.properties().getHeaders().get("x-correlation-id")).hasToString(first.metadata().correlationId());
        assertThat(message.properties().getHeaders().get("x-causation-id")).hasToString(first.metadata().causationId());
        await().atMost(PATIENCE).until(() -> isPublished(first.id()) && isPublished(second.id()));
        assertThat(registry.counter("relay.published").count()).as("counted once confirmed").isEqualTo(confirmed + 2);
        assertThat(registry.get("relay.leading").gauge().value()).isEqualTo(1);
    }

    @Test
    void aBacklogOfSeveralBatches_readAheadWhileConfirming_isPublishedOnceEach_inOutboxOrder() {
        UUID aggregate = UUID.randomUUID();
        List<String> expected = new ArrayList<>();
        for (long version = 1; version <= 250; version++) { // two full batches of 100 and a part
            expected.add(enqueue("backlog-" + version, aggregate, version).id().toString());
        }

        startRelay(rabbit, RelaySettings.quick());

        await().atMost(PATIENCE).until(() -> receivedIds().containsAll(expected));
        await().atMost(PATIENCE).until(() -> {
            for (String id : expected) {
                if (!isPublished(UUID.fromString(id))) {
                    return false;
                }
            }
            return true;
        });
        assertThat(probe.received()).extracting(message -> message.properties().getMessageId())
                .filteredOn(expected::contains)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aTransactionThatTakesItsPositionFirstButCommitsLast_isStillPublished() throws Exception {
        startRelay(rabbit, RelaySettings.quick());
        CountDownLatch earlyRowWritten = new CountDownLatch(1);
        CompletableFuture<Void> commitNow = new CompletableFuture<>();
        CompletableFuture<Envelope> lateCommitter = CompletableFuture.supplyAsync(() -> Reactive.inTransaction(() ->
                outbox.enqueue(new Greeted("early-" + UUID.randomUUID()), origin(UUID.randomUUID(), 1))
                        .invoke(earlyRowWritten::countDown)
                        .call(() -> Reactive.until(commitNow))));
        earlyRowWritten.await();
        Envelope later = enqueue("later", UUID.randomUUID(), 1);

        probe.await(message -> message.properties().getMessageId().equals(later.id().toString()), 1, PATIENCE);
        commitNow.complete(null);
        Envelope early = lateCommitter.get();

        assertThat(positionOf(early.id())).isLessThan(positionOf(later.id()));
        probe.await(message -> message.properties().getMessageId().equals(early.id().toString()), 1, PATIENCE);
        await().atMost(PATIENCE).until(() -> isPublished(early.id()));
    }

    @Test
    void aRelayThatDiesBetweenPublishAndMark_publishesAgain_aDuplicateNeverALoss() {
        Envelope envelope = enqueue("twice", UUID.randomUUID(), 1);
        OutboxRelay relay = relay(rabbit, RelaySettings.quick());
        AtomicBoolean killed = new AtomicBoolean();
        relay.afterPublishBeforeMark(() -> {
            if (killed.compareAndSet(false, true)) {
                terminateRelaySessions();
            }
        });
        relay.start();

        List<QueueProbe.Received> copies = probe.await(
                message -> message.properties().getMessageId().equals(envelope.id().toString()), 2, PATIENCE);

        assertThat(copies).hasSize(2);
        assertThat(copies.get(0).body()).isEqualTo(copies.get(1).body());
        await().atMost(PATIENCE).until(() -> isPublished(envelope.id()));
    }

    @Test
    void twoRelaysOnOneOutbox_publishEveryRow_andEachAggregatesEventsInOrder() {
        OutboxRelay one = startRelay(rabbit, RelaySettings.quick());
        OutboxRelay other = startRelay(rabbit, RelaySettings.quick());
        // EnumSet, not Set.of: both relays are STARTING for a moment, and Set.of refuses the duplicate
        await().atMost(PATIENCE).until(() -> EnumSet.of(one.state(), other.state())
                .equals(EnumSet.of(OutboxRelay.State.LEADING, OutboxRelay.State.STANDBY)));

        List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Set<String> expected = new LinkedHashSet<>();
        for (long version = 1; version <= 20; version++) {
            for (UUID aggregate : aggregates) {
                expected.add(enqueue("order-" + aggregate + "-" + version, aggregate, version).id().toString());
            }
            if (version == 10) {
                (one.state() == OutboxRelay.State.LEADING ? one : other).stop(); // the leader goes away mid-stream
            }
        }

        await().atMost(PATIENCE).until(() -> receivedIds().containsAll(expected));
        Map<String, List<Long>> versionsByAggregate = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (QueueProbe.Received message : probe.received()) {
            if (expected.contains(message.properties().getMessageId()) && seen.add(message.properties().getMessageId())) {
                Envelope envelope = decode(message);
                versionsByAggregate.computeIfAbsent(envelope.metadata().aggregateId(), id -> new ArrayList<>())
                        .add(envelope.metadata().aggregateVersion());
            }
        }
        assertThat(versionsByAggregate).hasSize(4);
        versionsByAggregate.values().forEach(versions -> assertThat(versions).isSorted().hasSize(20));
    }

    @Test
    void keepsGoingWhenTheBrokerGoesAwayAndComesBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy(LocalBroker.host(), LocalBroker.port())) {
            OutboxRelay relay = startRelay(new RabbitConnector(ProxiedBroker.through(proxy)), RelaySettings.quick());
            Envelope before = enqueue("before-outage", UUID.randomUUID(), 1);
            await().atMost(PATIENCE).until(() -> isPublished(before.id()));

            proxy.cut();
            Envelope during = enqueue("during-outage", UUID.randomUUID(), 1);
            await().atMost(PATIENCE).until(() -> relay.state() == OutboxRelay.State.BROKER_UNAVAILABLE);
            assertThat(isPublished(during.id())).isFalse();

            proxy.restore();
            probe.await(message -> message.properties().getMessageId().equals(during.id().toString()), 1, PATIENCE);
            await().atMost(PATIENCE).until(() -> isPublished(during.id()));
        }
    }

    @Test
    void aRowAmqpCannotCarry_isParkedWithItsReason_andTheRowsAfterItArePublished() throws Exception {
        UUID unfit = UUID.randomUUID();
        sql("INSERT INTO outbox (message_id, event_type, routing_key, aggregate_id, correlation_id, occurred_at, envelope)"
                + " VALUES ('" + unfit + "', 'Greeted', 'Greeted.v1', 'a', '" + "c".repeat(300) + "', now(), '{}')");
        Envelope after = enqueue("after-the-unfit-row", UUID.randomUUID(), 1);

        startRelay(rabbit, RelaySettings.quick());

        probe.await(message -> message.properties().getMessageId().equals(after.id().toString()), 1, PATIENCE);
        await().atMost(PATIENCE).until(() -> isPublished(after.id()));
        assertThat(queryOne("SELECT parked_reason FROM outbox WHERE message_id = ?", unfit))
                .isEqualTo("its correlation id is longer than AMQP's 255 bytes");
        assertThat(isPublished(unfit)).isFalse();
    }

    @Test
    void aRowReturnedAsUnroutable_isPublishedAgainOnceTheTopologyIsDeclaredAgain() throws Exception {
        OutboxRelay relay = startRelay(rabbit, RelaySettings.quick());
        Envelope first = enqueue("before-the-loss", UUID.randomUUID(), 1);
        await().atMost(PATIENCE).until(() -> isPublished(first.id()));
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-topology");
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            channel.queueDelete(Topology.unroutableOf("infratest")); // the alternate exchange routes nowhere now
        }
        UUID nobodysEvent = UUID.randomUUID();
        sql("INSERT INTO outbox (message_id, event_type, routing_key, aggregate_id, occurred_at, envelope)"
                + " VALUES ('" + nobodysEvent + "', 'Waved', 'Waved.v1', 'a', now(), '{}')");

        await().atMost(PATIENCE).until(() -> isPublished(nobodysEvent));
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-topology");
             com.rabbitmq.client.Channel channel = connection.createChannel()) {
            assertThat(channel.queueDeclarePassive(Topology.unroutableOf("infratest")).getMessageCount()).isPositive();
        }
        assertThat(relay.state()).isEqualTo(OutboxRelay.State.LEADING);
    }

    @Test
    void retentionPurgesPublishedRowsOnlyAfterTheirRetention_andNeverAnUnpublishedOne() throws Throwable {
        Envelope old = enqueue("old", UUID.randomUUID(), 1);
        Envelope recent = enqueue("recent", UUID.randomUUID(), 1);
        OutboxRelay first = startRelay(rabbit, RelaySettings.quick());
        await().atMost(PATIENCE).until(() -> isPublished(old.id()) && isPublished(recent.id()));
        first.stop();
        Envelope waiting = enqueue("waiting", UUID.randomUUID(), 1);
        sql("UPDATE outbox SET published_at = now() - interval '8 days' WHERE message_id = '" + old.id() + "'");
        sql("UPDATE outbox SET occurred_at = now() - interval '8 days' WHERE message_id = '" + waiting.id() + "'");

        Reactive.await(() -> retention.purge());

        assertThat(positionOf(old.id())).as("published 8 days ago: past the 7 days").isNull();
        assertThat(isPublished(recent.id())).isTrue();
        assertThat(positionOf(waiting.id())).as("never published: kept whatever its age").isNotNull();
    }

    private OutboxRelay relay(RabbitConnector connector, OutboxConfig settings) {
        OutboxRelay relay = new OutboxRelay(settings, connector, metrics, tracing, vertx, "infratest", reactiveUrl, user, password);
        relays.add(relay);
        return relay;
    }

    private OutboxRelay startRelay(RabbitConnector connector, OutboxConfig settings) {
        OutboxRelay relay = relay(connector, settings);
        relay.start();
        return relay;
    }

    private Envelope enqueue(String name, UUID aggregate, long version) {
        return Reactive.inTransaction(() -> outbox.enqueue(new Greeted(name), origin(aggregate, version)));
    }

    private static EventOrigin origin(UUID aggregate, long version) {
        return EventOrigin.of("Greeter", aggregate, version, "Greet",
                CommandMetadata.ofRequest("correlation-" + aggregate, "test", Instant.now()));
    }

    private Set<String> receivedIds() {
        Set<String> ids = new LinkedHashSet<>();
        probe.received().forEach(message -> ids.add(message.properties().getMessageId()));
        return ids;
    }

    private static Envelope decode(QueueProbe.Received message) {
        try {
            return EnvelopeCodec.decode(message.body().getBytes());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean isPublished(UUID messageId) throws SQLException {
        return Boolean.TRUE.equals(queryOne("SELECT published_at IS NOT NULL FROM outbox WHERE message_id = ?", messageId));
    }

    private Long positionOf(UUID messageId) throws SQLException {
        return (Long) queryOne("SELECT position FROM outbox WHERE message_id = ?", messageId);
    }

    private Object queryOne(String sql, UUID messageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, messageId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    private void terminateRelaySessions() {
        try {
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'infratest-outbox-relay'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
