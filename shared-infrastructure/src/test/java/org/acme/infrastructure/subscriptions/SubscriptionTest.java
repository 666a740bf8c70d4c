package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.infrastructure.rabbitmq.Topology;
import org.acme.infrastructure.testing.LocalBroker;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.Subscriptions;
import org.acme.infrastructure.testing.TestServers;
import org.acme.infrastructure.testing.TestMessages;
import org.acme.integrationevents.Envelope;
import org.acme.integrationevents.EnvelopeCodec;
import org.acme.integrationevents.EnvelopeMetadata;
import org.acme.integrationevents.infratest.Greeted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscription and its inbox, fed through the real broker. */
@QuarkusTest
class SubscriptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads and writes rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;
    @Inject
    WhenGreetedThenCountGreeting subscriber;
    @Inject
    Subscription subscription;
    @Inject
    SubscriptionConfig config;

    private QueueProbe deadLetters;

    @BeforeEach
    void watchDeadLetters() throws Exception {
        await().atMost(PATIENCE).until(() -> topology.declared());
        deadLetters = QueueProbe.ofQueue(Topology.deadLetterQueueOf("infratest"));
    }

    @AfterEach
    void stopWatching() throws Exception {
        deadLetters.close();
    }

    @Inject
    SubscriptionTopology topology;

    @Test
    void theSameEventDeliveredTwice_hasOneEffect() throws Exception {
        String name = "twice-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        publish(greeting);
        publish(greeting);

        Subscriptions.awaitHandled(subscription, "infratest");
        assertThat(countOf(name)).isEqualTo(1);
    }

    /**
     * Messages about one aggregate are handled in queue order: a message that takes long holds up the
     * later messages of its own aggregate for as long as it takes, and those of other aggregates no
     * longer than {@code slow-batch}, after which they are applied beside it.
     */
    @Test
    void aMessageThatTakesLong_holdsUpItsOwnAggregateOnly() throws Exception {
        String held = "gated-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        publish(greeting(held, 1));
        publish(greeting(held, 1)); // a second greeting of the same name: the same aggregate
        publish(greeting(other, 1));

        await().atMost(PATIENCE).until(() -> countOf(other) == 1);
        assertThat(countOf(held)).isZero();
        assertThat(subscriber.attemptsFor(held)).as("the second greeting waits for the first").isEqualTo(1);

        subscriber.open(held);
        await().atMost(PATIENCE).until(() -> countOf(held) == 2);
        assertThat(subscriber.attemptsFor(held)).isEqualTo(2);
    }

    /**
     * Messages whose turn comes while a transaction runs are applied together in the next one
     * (decision 0019): their inbox rows are written by one transaction.
     */
    @Test
    void messagesWaitingWhileATransactionRuns_areAppliedTogether_inOneTransaction() throws Exception {
        String gate = "gated-" + UUID.randomUUID();
        publish(greeting(gate, 1));
        await().atMost(PATIENCE).until(() -> subscriber.attemptsFor(gate) == 1);
        List<Envelope> waiting = greetings("together-" + UUID.randomUUID(), 5);
        TestMessages.publishAll(waiting);
        await().atMost(PATIENCE).until(() -> subscription.inHand() == 1 + waiting.size());

        subscriber.open(gate);

        await().atMost(PATIENCE).until(() -> countOf(gate) == 1);
        for (Envelope greeting : waiting) {
            String name = greeting.payload().path("name").asText();
            await().atMost(PATIENCE).until(() -> countOf(name) == 1);
            assertThat(subscriber.attemptsFor(name)).isEqualTo(1);
        }
        assertThat(transactionsThatRecorded(waiting)).isEqualTo(1);
    }

    /**
     * A batch records its inbox rows in one statement: an event applied before, delivered again in a
     * batch, is recognised there and skipped, and the others of the batch are applied once.
     */
    @Test
    void anEventAppliedBefore_deliveredAgainInABatch_isSkipped_andTheRestOfTheBatchApplied() throws Exception {
        Envelope seen = greeting("seen-" + UUID.randomUUID(), 1);
        String seenName = seen.payload().path("name").asText();
        publish(seen);
        await().atMost(PATIENCE).until(() -> countOf(seenName) == 1);
        String gate = "gated-" + UUID.randomUUID();
        publish(greeting(gate, 1));
        await().atMost(PATIENCE).until(() -> subscriber.attemptsFor(gate) == 1);
        List<Envelope> fresh = greetings("after-seen-" + UUID.randomUUID(), 2);
        List<Envelope> batch = List.of(fresh.get(0), seen, fresh.get(1));
        TestMessages.publishAll(batch);
        await().atMost(PATIENCE).until(() -> subscription.inHand() == 1 + batch.size());

        subscriber.open(gate);

        for (Envelope greeting : fresh) {
            String name = greeting.payload().path("name").asText();
            await().atMost(PATIENCE).until(() -> countOf(name) == 1);
            assertThat(subscriber.attemptsFor(name)).isEqualTo(1);
        }
        await().atMost(PATIENCE).until(() -> subscription.inHand() == 0);
        assertThat(countOf(seenName)).isEqualTo(1);
        assertThat(subscriber.attemptsFor(seenName)).as("applied the first time only").isEqualTo(1);
        assertThat(transactionsThatRecorded(fresh)).isEqualTo(1);
    }

    /**
     * A batch in which one message fails is rolled back whole; each of its messages is then tried
     * alone: the others are applied once, and the failing one is retried and dead-lettered alone.
     */
    @Test
    void aBatchWithAMessageThatFails_isRolledBack_theOthersAreAppliedOnceAlone_andTheFailingOneDeadLettered() throws Exception {
        String gate = "gated-" + UUID.randomUUID();
        publish(greeting(gate, 1));
        await().atMost(PATIENCE).until(() -> subscriber.attemptsFor(gate) == 1);
        List<Envelope> batch = new ArrayList<>(greetings("beside-poison-" + UUID.randomUUID(), 2));
        Envelope poison = greeting("explode-" + UUID.randomUUID(), 1);
        batch.add(1, poison);
        TestMessages.publishAll(batch);
        await().atMost(PATIENCE).until(() -> subscription.inHand() == 1 + batch.size());

        subscriber.open(gate);

        QueueProbe.Received dead = awaitDeadLetter(poison.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .startsWith("failed 3 times, last: IllegalStateException");
        String poisonName = poison.payload().path("name").asText();
        assertThat(subscriber.attemptsFor(poisonName)).as("once in the batch, then three times alone").isEqualTo(4);
        assertThat(countOf(poisonName)).isZero();
        String before = batch.get(0).payload().path("name").asText();
        String after = batch.get(2).payload().path("name").asText();
        await().atMost(PATIENCE).until(() -> countOf(before) == 1 && countOf(after) == 1);
        assertThat(subscriber.attemptsFor(before)).as("applied in the batch, rolled back, then applied alone").isEqualTo(2);
        assertThat(subscriber.attemptsFor(after)).as("not reached in the batch, then applied alone").isEqualTo(1);
        assertThat(countOf(gate)).isEqualTo(1);
    }

    @Test
    void brokenJson_isDeadLetteredWithItsReason_andLaterMessagesKeepFlowing() throws Exception {
        String messageId = TestMessages.newId();
        TestMessages.publish("infratest", "Greeted.v1", messageId, "Greeted", "{\"id\": oops");
        String after = "after-broken-" + UUID.randomUUID();
        publish(greeting(after, 1));

        QueueProbe.Received dead = awaitDeadLetter(messageId);
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString()).startsWith("malformed envelope");
        assertThat(dead.body()).isEqualTo("{\"id\": oops");
        await().atMost(PATIENCE).until(() -> countOf(after) == 1);
    }

    @Test
    void anUnknownVersion_isDeadLettered_asUnsupported_andNothingIsApplied() throws Exception {
        String name = "future-" + UUID.randomUUID();
        Envelope future = greeting(name, 9);
        publish(future);

        QueueProbe.Received dead = awaitDeadLetter(future.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .startsWith("unsupported version 9 of Greeted");
        assertThat(countOf(name)).isZero();
        assertThat(subscriber.attemptsFor(name)).isZero();
    }

    @Test
    void anUnknownType_isDeadLettered() throws Exception {
        String messageId = TestMessages.newId();
        String body = EnvelopeCodec.encodeToString(greeting("nobody", 1)).replace("\"Greeted\"", "\"Waved\"");
        TestMessages.publish("infratest", "Greeted.v1", messageId, "Waved", body);

        QueueProbe.Received dead = awaitDeadLetter(messageId);
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString()).startsWith("unknown event type Waved");
    }

    @Test
    void aPayloadThatBreaksItsSchema_isDeadLetteredWithoutRetries_beforeAnySubscriberSeesIt() throws Exception {
        Envelope greeting = greeting("to-break", 1);
        String body = EnvelopeCodec.encodeToString(greeting).replace("\"name\":\"to-break\"", "\"nom\":\"to-break\"");
        TestMessages.publish("infratest", "Greeted.v1", greeting.id().toString(), "Greeted", body);

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .startsWith("payload of Greeted v1 breaks its schema")
                .contains("name");
        assertThat(subscriber.attemptsFor("to-break")).isZero();
    }

    @Test
    void aTransientFailure_isRetried_andAppliedOnce() throws Exception {
        String name = "flaky-" + UUID.randomUUID();
        publish(greeting(name, 1));

        await().atMost(PATIENCE).until(() -> countOf(name) == 1);
        assertThat(subscriber.attemptsFor(name)).isEqualTo(3);
    }

    @Test
    void aFailureThatNeverPasses_isDeadLetteredAfterItsAttempts_withinOneDelivery() throws Exception {
        String name = "explode-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        publish(greeting);

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .startsWith("failed 3 times, last: IllegalStateException");
        assertThat(dead.properties().getHeaders()).doesNotContainKey("x-delivery-count");
        assertThat(subscriber.attemptsFor(name)).isEqualTo(3);
        assertThat(countOf(name)).isZero();
    }

    @Test
    void aFailureThatPassesByItself_isRetriedInPlaceAsLongAsItLasts_andNeverDeadLettered() throws Exception {
        String name = "unavailable-" + UUID.randomUUID();
        publish(greeting(name, 1));

        await().atMost(PATIENCE).until(() -> countOf(name) == 1);
        assertThat(subscriber.attemptsFor(name)).isEqualTo(6);
        assertThat(deadLetters.matching(QueueProbe.bodyContains(name))).isEmpty();
    }

    @Test
    void aMessageRetriedInPlace_isNotOvertakenByTheLaterOnesOfItsAggregate() throws Exception {
        String aggregate = "greeter-" + UUID.randomUUID();
        String first = "unavailable-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        publish(greeting(first, aggregate));
        publish(greeting(second, aggregate));

        await().atMost(PATIENCE).until(() -> countOf(second) == 1);
        assertThat(countOf(first)).as("the earlier message was applied before the later one").isEqualTo(1);
    }

    @Test
    void anEventOnAnotherPublishersExchange_isDeadLettered_andNothingIsApplied() throws Exception {
        String name = "smuggled-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-intruder"); Channel channel = connection.createChannel()) {
            Topology.declarePublisher(channel, "intruder");
            channel.queueBind(Topology.queueOf("infratest"), Topology.exchangeOf("intruder"), "Greeted.*");
            publishAsIs(channel, Topology.exchangeOf("intruder"), greeting, null, Map.of());
        }

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .isEqualTo("Greeted is published by infratest on infratest.events, but this one arrived through intruder.events");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void anEventOnItsPublishersExchange_fromAnotherBrokerUser_isDeadLettered_andNothingIsApplied() throws Exception {
        String name = "impostor-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-impostor"); Channel channel = connection.createChannel()) {
            publishAsIs(channel, Topology.exchangeOf("infratest"), greeting, null, Map.of());
        }

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .isEqualTo("Greeted must come from the broker user infratest (the validated user-id), but this one's user-id is none");
        assertThat(headersOf(dead)).as("what the broker vouched for on arrival, kept with the dead letter")
                .containsEntry("x-original-exchange", "infratest.events").doesNotContainKey("x-original-user-id");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void anEventPutIntoTheQueueDirectly_isDeadLettered_whateverItsHeadersClaim() throws Exception {
        String name = "injected-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-injector"); Channel channel = connection.createChannel()) {
            publishAsIs(channel, "", greeting, "admin", claimedOrigin());
        }

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString()).isEqualTo("Greeted is published by"
                + " infratest on infratest.events, but this one arrived through the default exchange (put into the queue directly)");
        assertThat(headersOf(dead)).as("the claimed origin is overwritten by the real one")
                .containsEntry("x-original-exchange", "").containsEntry("x-original-user-id", "admin");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void aDeadLetterForgedOnTheRedriveExchange_byAnotherUser_isDeadLettered() throws Exception {
        String name = "laundered-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connect("test-launderer"); Channel channel = connection.createChannel()) {
            publishAsIs(channel, Topology.redriveExchangeOf("infratest"), greeting, "admin", claimedOrigin());
        }

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString()).isEqualTo("a dead letter moved back"
                + " through infratest.integration-events.redrive must come from infratest, but this one's user-id is admin");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void anEventClaimingAnotherPublisher_isDeadLettered() throws Exception {
        Envelope greeting = TestMessages.envelope(new Greeted("forged-" + UUID.randomUUID()), "orders", "Greeter", "g", 1L);
        TestMessages.publish("infratest", "Greeted.v1", greeting.id().toString(), "Greeted", EnvelopeCodec.encodeToString(greeting));

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .isEqualTo("Greeted is published by infratest, but this one says it comes from orders");
    }

    @Test
    void aCorrelationIdThatCannotTravelOn_isDeadLettered_beforeItReachesTheOutbox() throws Exception {
        String name = "long-correlation-" + UUID.randomUUID();
        Envelope greeting = Envelope.wrap(UUID.randomUUID(), Instant.now(), new Greeted(name),
                EnvelopeMetadata.from("infratest").aggregate("Greeter", name, 1L).correlation("c".repeat(300), null));
        publish(greeting);

        QueueProbe.Received dead = awaitDeadLetter(greeting.id().toString());
        assertThat(dead.properties().getHeaders().get(DeadLetters.REASON).toString())
                .startsWith("metadata.correlationId is not 1 to 100 letters, digits or . _ : - (it has 300 characters)");
        assertThat(countOf(name)).isZero();
    }

    @Test
    void aDeadLetterMovedBackByTheServicesOwnUser_isAppliedOnce() throws Exception {
        String name = "redriven-" + UUID.randomUUID();
        Envelope greeting = greeting(name, 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connectAs("infratest", "test-redrive");
             Channel channel = connection.createChannel()) {
            publishAsIs(channel, Topology.redriveExchangeOf("infratest"), greeting, "infratest", claimedOrigin());
        }

        await().atMost(PATIENCE).until(() -> countOf(name) == 1);
    }

    /** A message's headers as text (the client reads AMQP strings as its own type). */
    private static Map<String, String> headersOf(QueueProbe.Received message) {
        Map<String, String> headers = new java.util.HashMap<>();
        message.properties().getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        return headers;
    }

    /** The origin this service records on a dead letter: the publisher's exchange and user. */
    private static Map<String, Object> claimedOrigin() {
        return Map.of("x-original-exchange", Topology.exchangeOf("infratest"), "x-original-user-id", "infratest");
    }

    /**
     * Each batch's patience ({@code slow-batch}) is a timer; one that ran out used to start a thread
     * (CompletableFuture's default executor on a machine of two cores), a thread per batch. Messages
     * handled one after the other, each a batch of its own, and their timers' time passed: the
     * service started no thread per message.
     */
    @Test
    void messagesHandledOneAfterAnother_startNoThreadEach() throws Exception {
        int messages = 40;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String first = "one-by-one-" + UUID.randomUUID();
        publish(greeting(first, 1)); // declares the exchange, as its relay would, and waits for the queue's binding
        await().atMost(PATIENCE).until(() -> countOf(first) == 1);
        try (com.rabbitmq.client.Connection connection = LocalBroker.connectAs("infratest", "test-publisher");
             Channel channel = connection.createChannel()) {
            long startedBefore = threads.getTotalStartedThreadCount();
            for (int i = 0; i < messages; i++) {
                String name = "one-by-one-" + UUID.randomUUID();
                publishAsIs(channel, Topology.exchangeOf("infratest"), greeting(name, 1), "infratest", Map.of());
                // Awaitility would start a thread of its own for each wait.
                await().pollInSameThread().atMost(PATIENCE).until(() -> countOf(name) == 1);
            }
            Thread.sleep(config.slowBatch().plusSeconds(1).toMillis());

            assertThat(threads.getTotalStartedThreadCount() - startedBefore).isLessThan(messages / 2);
        }
    }

    /** Publishes an envelope with the given user-id (null: none) and headers, confirmed. */
    private static void publishAsIs(Channel channel, String exchange, Envelope envelope, String userId, Map<String, Object> headers)
            throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, exchange.isEmpty() ? Topology.queueOf("infratest") : envelope.routingKey(), true,
                new AMQP.BasicProperties.Builder().messageId(envelope.id().toString()).type(envelope.type()).deliveryMode(2)
                        .userId(userId).headers(headers).build(), EnvelopeCodec.encode(envelope));
        channel.waitForConfirmsOrDie(10_000);
    }

    /**
     * A consumer that dies returns to the queue, with their delivery count raised, every message it
     * held. Here its connection drops six times while a backlog waits, the queue moving on between
     * drops: had it held many messages ahead that it was not handling (a prefetch of 50, one at a
     * time), those never tried would pass the delivery limit (5) and be dead-lettered; the messages it
     * holds are all being handled (in hand for the batch being applied or the next), so none is. Each
     * message takes a quarter of a second, one after the other in batches of up to eight: the backlog
     * of 100 lasts about 25 seconds of handling, longer than the six drops take to begin.
     */
    @Test
    void connectionsDroppedAgainAndAgainWithABacklog_spendTheDeliveryLimitOfNoMessageNeverTried() throws Exception {
        String batch = "lingering-" + UUID.randomUUID();
        int messages = 100;
        List<Envelope> backlog = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            backlog.add(greeting(batch + "-" + i, 1));
        }
        TestMessages.publishAll(backlog);
        try {
            for (int drop = 0; drop < 6; drop++) {
                int before = appliedOf(batch);
                await().atMost(PATIENCE).until(() -> appliedOf(batch) > before);
                TestServers.cutBroker();
                TestServers.restoreBroker();
            }
        } finally {
            TestServers.restoreBroker();
        }
        assertThat(appliedOf(batch)).as("a backlog waited through every drop").isLessThan(messages);
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedOf(batch) == messages);
        for (int i = 0; i < messages; i++) {
            assertThat(countOf(batch + "-" + i)).as("greeting %d applied once", i).isEqualTo(1);
        }
        assertThat(deadLetters.matching(QueueProbe.bodyContains(batch))).isEmpty();
    }

    private static List<Envelope> greetings(String prefix, int count) {
        List<Envelope> greetings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            greetings.add(greeting(prefix + "-" + i, 1));
        }
        return greetings;
    }

    /** How many transactions wrote the inbox rows of these events: rows one transaction wrote share its xmin. */
    private long transactionsThatRecorded(List<Envelope> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(DISTINCT CAST(xmin AS text)) FROM inbox WHERE event_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", events.stream().map(Envelope::id).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private QueueProbe.Received awaitDeadLetter(String messageId) {
        List<QueueProbe.Received> dead = deadLetters.await(
                message -> messageId.equals(message.properties().getMessageId()), 1, PATIENCE);
        return dead.get(0);
    }

    static Envelope greeting(String name, int version) {
        Envelope envelope = Envelope.wrap(UUID.randomUUID(), Instant.now(), new Greeted(name),
                EnvelopeMetadata.from("infratest").aggregate("Greeter", name, 1L));
        if (version == envelope.schemaVersion()) {
            return envelope;
        }
        EnvelopeMetadata metadata = envelope.metadata();
        return new Envelope(envelope.id(), envelope.type(), envelope.kind(), envelope.timestamp(), envelope.payload(),
                new EnvelopeMetadata(version, metadata.outcome(), metadata.publisher(), metadata.aggregateType(),
                        metadata.aggregateId(), metadata.aggregateVersion(), null, null, null, null, null, null));
    }

    /** A greeting about another aggregate than the one its name stands for. */
    private static Envelope greeting(String name, String aggregateId) {
        return Envelope.wrap(UUID.randomUUID(), Instant.now(), new Greeted(name),
                EnvelopeMetadata.from("infratest").aggregate("Greeter", aggregateId, 1L));
    }

    static void publish(Envelope envelope) throws Exception {
        TestMessages.publish("infratest", envelope.routingKey(), envelope.id().toString(), envelope.type(),
                EnvelopeCodec.encodeToString(envelope));
    }

    /** How many greetings of a batch were applied so far. */
    private int appliedOf(String batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM greetings WHERE name LIKE ?")) {
            statement.setString(1, batch + "-%");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private int countOf(String name) throws SQLException {
        return countOf(dataSource, name);
    }

    static int countOf(AgroalDataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count FROM greetings WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }
}
