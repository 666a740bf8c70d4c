package org.acme.infrastructure.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every meter of the outbox, the relay, the subscriptions and the retention jobs, registered in one
 * place (docs/operations.md lists them). The code that does the work records into them; the gauges
 * that counting rows would cost a query on every scrape read what {@code OperationsSampler} last
 * counted. Names follow Micrometer's conventions (Prometheus adds the unit and {@code _total}); tags
 * are few and bounded: the event type, the queue, the outcome, the reason — never an id.
 */
@ApplicationScoped
public class IntegrationEventMetrics {

    /** What became of a delivered message, as counted. */
    public enum Handled { APPLIED, DUPLICATE, RETRIED, DEAD_LETTERED }

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter republished;
    private final Timer confirmLatency;
    private final AtomicLong leading = new AtomicLong();
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestUnpublishedSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong inboxRows = new AtomicLong();
    private final AtomicLong idempotencyKeys = new AtomicLong();
    private final AtomicLong deadLettersWaiting = new AtomicLong();
    private final DistributionSummary batchSize;
    private final Map<String, AtomicLong> queueDepths = new ConcurrentHashMap<>();
    private final Map<String, Counter> handledCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> handlingTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusedCounters = new ConcurrentHashMap<>();

    public IntegrationEventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("relay.published").baseUnit("messages")
                .description("Outbox rows the broker confirmed").register(registry);
        this.republished = Counter.builder("relay.republished").baseUnit("messages")
                .description("Outbox rows published again after a failed attempt (nack, timeout, broker away)").register(registry);
        this.confirmLatency = Timer.builder("relay.confirm.latency").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("From publishing a batch to the broker's confirm of all of it").register(registry);
        this.batchSize = DistributionSummary.builder("subscription.batch.size").baseUnit("messages")
                .description("Messages a subscription applied together in one committed transaction, for batches of two or more")
                .register(registry);
        Gauge.builder("relay.leading", leading, AtomicLong::get).tag("process", process())
                .description("1 while this instance's relay leads (publishes), 0 while it stands by").register(registry);
        gauge("outbox.unpublished", "messages", unpublished, "Outbox rows waiting to be published (parked ones apart)");
        gauge("outbox.oldest.unpublished.age", "seconds", oldestUnpublishedSeconds,
                "Age of the oldest outbox row waiting to be published; 0 when none waits");
        gauge("outbox.parked", "messages", parked, "Outbox rows AMQP cannot carry, set aside until mended");
        gauge("inbox.rows", "rows", inboxRows, "Events the subscribers recorded as applied, kept for the inbox's retention");
        gauge("idempotency.keys", "rows", idempotencyKeys, "Idempotency-Keys kept for their retention");
        gauge("dead.letters.waiting", "messages", deadLettersWaiting, "Dead letters neither redriven nor discarded");
        List.of("nack", "returned", "timeout", "unavailable").forEach(this::refusedCounter);
        List.of("outbox", "inbox", "idempotency_keys").forEach(this::purgedCounter);
    }

    private void gauge(String name, String unit, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).baseUnit(unit).description(description).register(registry);
    }

    // --- the relay ------------------------------------------------------------------------------

    public void published(int messages, Duration untilConfirmed) {
        published.increment(messages);
        confirmLatency.record(untilConfirmed);
    }

    public void republished(int messages) {
        republished.increment(messages);
    }

    /** A batch not confirmed whole: {@code nack}, {@code returned} (unroutable), {@code timeout}, or the broker {@code unavailable}. */
    public void refused(String reason, int messages) {
        refusedCounter(reason).increment(messages);
    }

    private Counter refusedCounter(String reason) {
        return refusedCounters.computeIfAbsent(reason, key -> Counter.builder("relay.refused").baseUnit("messages").tag("reason", key)
                .description("Messages of batches the broker did not confirm: nack, returned, timeout, unavailable").register(registry));
    }

    public void leading(boolean leads) {
        leading.set(leads ? 1 : 0);
    }

    // --- the subscriptions ----------------------------------------------------------------------

    /**
     * Registers, at zero, the meters of every event type the service subscribes to: a dashboard finds
     * them before the first message, and a rate over them starts from the first one.
     */
    public void subscribedTo(Collection<String> eventTypes) {
        for (String type : eventTypes) {
            for (Handled outcome : Handled.values()) {
                handledCounter(type, outcome);
            }
            handlingTimer(type);
        }
    }

    /** One try's outcome, and how long the message took from its turn to its outcome. */
    public void handled(String eventType, Handled outcome, Duration took) {
        handledCounter(eventType, outcome).increment();
        if (outcome != Handled.RETRIED) {
            handlingTimer(eventType).record(took);
        }
    }

    private Counter handledCounter(String eventType, Handled outcome) {
        return handledCounters.computeIfAbsent(eventType + "/" + outcome, key -> Counter.builder("subscription.messages")
                .baseUnit("messages").tags(Tags.of("type", eventType, "outcome", outcome.name().toLowerCase()))
                .description("Messages by type and outcome: applied, duplicate, retried (a try that failed), dead_lettered")
                .register(registry));
    }

    private Timer handlingTimer(String eventType) {
        return handlingTimers.computeIfAbsent(eventType, type -> Timer.builder("subscription.handling").tag("type", type)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .description("From a message's turn to its outcome, retries included").register(registry));
    }

    /** Messages applied together in one transaction, once it committed (batches of one are not counted). */
    public void batch(int messages) {
        batchSize.record(messages);
    }

    /** Messages received and not yet settled: read when scraped. */
    public void inHand(Supplier<Number> messages) {
        Gauge.builder("subscription.messages.in.hand", messages).baseUnit("messages")
                .description("Messages the subscription holds: waiting their turn or being handled").register(registry);
    }

    /** A queue's depth, as the broker last answered it (the subscription's queue and its DLQ). */
    public void queueDepth(String queue, long messages) {
        queueDepths.computeIfAbsent(queue, name -> {
            AtomicLong depth = new AtomicLong();
            Gauge.builder("queue.depth", depth, AtomicLong::get).baseUnit("messages").tag("queue", name)
                    .description("Messages ready in a queue, as the broker last answered").register(registry);
            return depth;
        }).set(messages);
    }

    // --- what the sampler counted ---------------------------------------------------------------

    public void outbox(long waiting, Duration oldest, long parkedRows) {
        unpublished.set(waiting);
        oldestUnpublishedSeconds.set(oldest.toSeconds());
        parked.set(parkedRows);
    }

    public void inbox(long rows) {
        inboxRows.set(rows);
    }

    public void idempotencyKeys(long rows) {
        idempotencyKeys.set(rows);
    }

    public void deadLettersWaiting(long messages) {
        deadLettersWaiting.set(messages);
    }

    // --- retention ------------------------------------------------------------------------------

    /** Rows a retention job deleted from {@code table}: outbox, inbox, idempotency_keys. */
    public void purged(String table, long rows) {
        purgedCounter(table).increment(rows);
    }

    private Counter purgedCounter(String table) {
        return Counter.builder("retention.purged").baseUnit("rows").tag("table", table)
                .description("Rows deleted past their retention").register(registry);
    }

    /** The process (host and pid): which of several instances leads. Not "instance", the label Prometheus gives each target. */
    private static String process() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
