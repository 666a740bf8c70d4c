package org.acme.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Command ingest on the catalog ({@code POST /products}: a new stream, its event, the read model
 * and the outbox row in one transaction), closed loop (clients waiting for their answer) and open
 * loop (requests at a fixed rate, answered or not), with how long each event took to reach the
 * broker after its command was handled.
 */
final class IngestBench {

    /** How long an event is waited for on the broker; one that never came counts as this long. */
    private static final long NEVER = 10_000_000_000L;

    private final Deployment system;
    private final Settings settings;
    private final Http http = new Http();
    private final AtomicLong sequence = new AtomicLong();

    IngestBench(Deployment system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    /** Commands from 8 clients for the warm-up time, not measured. */
    void warmUp(MemorySampler memory) throws Exception {
        closedLoop(8, settings.warmUp(), new Figures(), "warm-up", memory);
    }

    /**
     * Closed loops at 4 and 16 clients, then open loops at 200/s and at twice the 16-client capacity.
     * Each run starts with the subscribers' queues empty: orders and inventory handle every product
     * added, and a backlog left by the run before would take the cores from the one being measured.
     */
    void measure(Figures figures, MemorySampler memory) throws Exception {
        double capacity = 0;
        system.awaitSubscribersCaughtUp();
        for (int clients : List.of(4, 16)) {
            SubscriberTransactions before = SubscriberTransactions.now(system);
            String run = "ingest, closed loop " + clients + " clients";
            capacity = closedLoop(clients, settings.ingestRun(), figures, run, memory);
            system.awaitSubscribersCaughtUp();
            SubscriberTransactions.now(system).putSince(before, figures, run);
        }
        SubscriberTransactions before = SubscriberTransactions.now(system);
        openLoop(200, figures, "ingest, open loop 200/s", memory);
        system.awaitSubscribersCaughtUp();
        SubscriberTransactions.now(system).putSince(before, figures, "ingest, open loop 200/s");
        openLoop(Math.max(2 * capacity, 50), figures, "ingest, open loop 2x capacity", memory);
        system.awaitSubscribersCaughtUp();
        // The same 16 clients with orders and inventory stopped: what the catalog does when it has the
        // cores to itself, against what PostgreSQL does alone (they catch up once started again).
        system.stopService("orders");
        system.stopService("inventory");
        closedLoop(16, settings.ingestRun(), figures, "ingest, closed loop 16 clients, catalog alone", memory);
        system.startService("inventory");
        system.startService("orders");
    }

    private double closedLoop(int clients, Duration duration, Figures figures, String name, MemorySampler memory) throws Exception {
        Latencies answered = new Latencies();
        AtomicInteger accepted = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        try (Tap tap = Tap.on("catalog.events", List.of("ProductAdded.*"))) {
            Map<String, Long> answeredAt = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread client = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        String correlation = "bench-" + sequence.incrementAndGet();
                        Http.Answer answer = http.post(system.url("catalog") + "/products", product(), correlation);
                        if (answer.ok()) {
                            answeredAt.put(correlation, System.nanoTime());
                            accepted.incrementAndGet();
                            answered.add(answer.nanos());
                        }
                    }
                });
                threads.add(client);
                client.start();
            }
            memory.during(() -> join(threads));
            double perSecond = accepted.get() / (duration.toMillis() / 1000.0);
            figures.put(name + ": accepted/s", Math.round(perSecond));
            figures.put(name + ": HTTP p50 (ms)", answered.percentile(50));
            figures.put(name + ": HTTP p99 (ms)", answered.percentile(99));
            putToBroker(tap, answeredAt, figures, name);
            return perSecond;
        }
    }

    private void openLoop(double rate, Figures figures, String name, MemorySampler memory) throws Exception {
        Latencies acceptedLatencies = new Latencies();
        Latencies everyAnswer = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger refusedWithRetryAfter = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        AtomicLong lastAccepted = new AtomicLong();
        try (Tap tap = Tap.on("catalog.events", List.of("ProductAdded.*"))) {
            int[] sent = new int[1];
            long start = System.nanoTime();
            memory.during(() -> sent[0] = Pacer.run(rate, settings.ingestRun().toNanos(), n -> {
                String correlation = "bench-" + sequence.incrementAndGet();
                inFlight.add(http.postAsync(system.url("catalog") + "/products", product(), correlation).thenAccept(answer -> {
                    everyAnswer.add(answer.nanos());
                    if (answer.ok()) {
                        long now = System.nanoTime();
                        answeredAt.put(correlation, now);
                        acceptedLatencies.add(answer.nanos());
                        lastAccepted.accumulateAndGet(now, Math::max);
                    } else if (answer.refused()) {
                        refused.incrementAndGet();
                        if (answer.retryAfter()) {
                            refusedWithRetryAfter.incrementAndGet();
                        }
                    } else {
                        failed.incrementAndGet();
                    }
                }));
            }));
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            figures.put(name + ": offered/s", Math.round(rate));
            // Over the time it took to answer them: what a queue accepted late was not accepted at the offered rate.
            double seconds = Math.max(settings.ingestRun().toNanos(), lastAccepted.get() - start) / 1e9;
            figures.put(name + ": accepted/s", Math.round(acceptedLatencies.count() / seconds));
            figures.put(name + ": accepted p50 (ms)", acceptedLatencies.percentile(50));
            figures.put(name + ": accepted p99 (ms)", acceptedLatencies.percentile(99));
            figures.put(name + ": every answer, accepted or refused, p99 (ms)", everyAnswer.percentile(99));
            figures.put(name + ": refused 503/429 (%)", Math.round(1000.0 * refused.get() / Math.max(1, sent[0])) / 10.0);
            figures.put(name + ": refused with Retry-After (%)",
                    refused.get() == 0 ? "-" : Math.round(100.0 * refusedWithRetryAfter.get() / refused.get()));
            figures.put(name + ": other errors", failed.get());
            putToBroker(tap, answeredAt, figures, name);
        }
    }

    /**
     * Commit to broker, bracketed: the commit happens after the event's timestamp (taken while the
     * command is handled) and before its answer reaches the client, so "command to broker" is an
     * upper bound and "answer to broker" (never below zero: the message may beat the answer) a lower one.
     */
    private static void putToBroker(Tap tap, Map<String, Long> answeredAt, Figures figures, String name) throws InterruptedException {
        long deadline = System.nanoTime() + NEVER;
        while (tap.count() < answeredAt.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Latencies fromCommand = new Latencies();
        Latencies fromAnswer = new Latencies();
        answeredAt.forEach((correlation, answered) -> {
            Tap.Arrival arrival = tap.arrival(correlation);
            fromCommand.add(arrival == null ? NEVER : arrival.millisAfterEvent() * 1_000_000L);
            fromAnswer.add(arrival == null ? NEVER : Math.max(0, arrival.nanoTime() - answered));
        });
        figures.put(name + ": command to broker p50 (ms)", fromCommand.percentile(50));
        figures.put(name + ": command to broker p99 (ms)", fromCommand.percentile(99));
        figures.put(name + ": answer to broker p50 (ms)", fromAnswer.percentile(50));
        figures.put(name + ": answer to broker p99 (ms)", fromAnswer.percentile(99));
    }

    private Map<String, Object> product() {
        return Map.of("name", "Bench " + sequence.get(), "price", 12.5, "category", "bench");
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
