package org.acme.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The whole order saga, {@code POST /orders} until orders has recorded the order CONFIRMED (after
 * inventory reserved its stock): its latency at 100 orders/s, and the highest rate it sustains with
 * p99 under 1 s (and 95 % confirmed) — on one fresh product, on one with a long history (a
 * best-seller), and spread over many products. An order refused or not confirmed within 10 s counts
 * as 10 s.
 */
final class SagaBench {

    private static final long ANSWER_WAIT_NANOS = 10_000_000_000L;
    private static final long SUSTAINED_P99_MILLIS = 1_000;
    private static final long EXPORT_WAIT_MILLIS = 6_000;

    /** How one run at one rate went. */
    record Run(double p50, double p99, double answeredShare, int confirmed) {

        boolean sustained() {
            return p99 >= 0 && p99 < SUSTAINED_P99_MILLIS && answeredShare >= 0.95;
        }
    }

    private final Deployment system;
    private final Settings settings;
    private final Http http = new Http();
    private final AtomicLong sequence = new AtomicLong();

    SagaBench(Deployment system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    /** Orders at 100/s over a few products for the warm-up time, not measured. */
    void warmUp(MemorySampler memory) throws Exception {
        List<UUID> products = List.of(stockedProduct(), stockedProduct(), stockedProduct());
        run(100, settings.warmUp().toNanos(), () -> products.get(ThreadLocalRandom.current().nextInt(products.size())), memory);
    }

    void measure(Figures figures, MemorySampler memory) throws Exception {
        UUID fresh = stockedProduct();
        UUID bestSeller = stockedProduct();
        giveHistory(bestSeller, settings.historyEvents());
        // A history written through the service would have been snapshotted as it grew; this one was
        // written in SQL, so one delivery through the service replays it once and takes the snapshot.
        untilAccepted(() -> http.post(system.url("inventory") + "/stock/" + bestSeller + "/adjustments",
                Map.of("delta", 1, "reason", "delivery"), "setup-" + UUID.randomUUID()));
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < settings.spreadProducts(); i++) {
            many.add(stockedProduct());
        }
        Map<String, Supplier<UUID>> products = Map.of(
                "one fresh product", () -> fresh,
                "one product with " + settings.historyEvents() + " events of history", () -> bestSeller,
                settings.spreadProducts() + " products", () -> many.get(ThreadLocalRandom.current().nextInt(many.size())));
        for (String on : List.of("one fresh product", "one product with " + settings.historyEvents() + " events of history",
                settings.spreadProducts() + " products")) {
            // Each run starts with nothing queued: the set-up above publishes too (stock adjustments).
            system.awaitSubscribersCaughtUp();
            boolean freshProduct = on.equals("one fresh product");
            CpuTime before = CpuTime.now(system);
            Run atHundred = run(100, settings.sagaRun().toNanos(), products.get(on), memory);
            if (atHundred.confirmed() > 0) {
                double machine = putCpuPerOrder(figures, "saga at 100 orders/s, " + on, CpuTime.now(system).since(before),
                        atHundred.confirmed(), freshProduct);
                // The rate the machine's cores could carry at that cost: the ceiling no scheduling can lift.
                figures.put("saga, " + on + ": orders/s the cores could carry at that CPU per order",
                        Math.round(Runtime.getRuntime().availableProcessors() * 1_000 / machine));
            }
            figures.put("saga at 100 orders/s, " + on + ": p50 (ms)", atHundred.p50());
            figures.put("saga at 100 orders/s, " + on + ": p99 (ms)", atHundred.p99());
            if (system.traces() != null && freshProduct) {
                putHops(figures, on);
            }
            int sustained = 0;
            Map<String, Long> ticksAtSustained = Map.of();
            int confirmedAtSustained = 0;
            for (int rate : settings.sagaRates()) {
                system.awaitSubscribersCaughtUp();
                CpuTime start = CpuTime.now(system);
                Run step = run(rate, settings.sagaStep().toNanos(), products.get(on), memory);
                if (!step.sustained()) {
                    break;
                }
                sustained = rate;
                ticksAtSustained = CpuTime.now(system).since(start);
                confirmedAtSustained = step.confirmed();
            }
            figures.put("saga, " + on + ": highest rate with p99 < 1 s (orders/s)", sustained);
            // An order costs less at higher rates (larger batches, fixed costs shared by more orders):
            // what it cost at the highest rate sustained, part by part, says what a higher one would need.
            if (freshProduct && confirmedAtSustained > 0) {
                putCpuPerOrder(figures, "saga at the highest rate sustained, " + on, ticksAtSustained, confirmedAtSustained, true);
            }
        }
        system.awaitSubscribersCaughtUp();
    }

    /**
     * The CPU one confirmed order cost, from the run's start until its last order was confirmed (or
     * given up on): the whole machine, and part by part (each service, PostgreSQL, RabbitMQ, the load)
     * when asked. Answers the whole machine's, unrounded.
     */
    private static double putCpuPerOrder(Figures figures, String run, Map<String, Long> ticks, int confirmed, boolean byPart) {
        double machine = millisPerOrder(ticks.get(CpuTime.MACHINE), confirmed);
        figures.put(run + ": CPU per order, " + CpuTime.MACHINE + " (ms)", rounded(machine));
        if (byPart) {
            ticks.forEach((part, spent) -> {
                if (!part.equals(CpuTime.MACHINE)) {
                    figures.put(run + ": CPU per order, " + part + " (ms)", rounded(millisPerOrder(spent, confirmed)));
                }
            });
        }
        return machine;
    }

    private static double millisPerOrder(long ticks, int confirmed) {
        return ticks * CpuTime.MILLIS_PER_TICK / confirmed;
    }

    private static double rounded(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    /**
     * Where the run's orders spent their time, hop by hop, from their traces (the services export
     * theirs every 5 s: the last ones are waited for).
     */
    private void putHops(Figures figures, String on) throws InterruptedException {
        Thread.sleep(EXPORT_WAIT_MILLIS);
        SagaHops hops = SagaHops.of(system.traces());
        figures.put("saga at 100 orders/s, " + on + ": orders traced end to end", hops.traced());
        for (String hop : SagaHops.HOPS) {
            figures.put("saga hop at 100 orders/s, " + on + ", " + hop + ": p50 (ms)", hops.percentile(hop, 50));
            figures.put("saga hop at 100 orders/s, " + on + ", " + hop + ": p99 (ms)", hops.percentile(hop, 99));
        }
    }

    private Run run(int rate, long durationNanos, Supplier<UUID> product, MemorySampler memory) throws Exception {
        if (system.traces() != null) {
            system.traces().clear();
        }
        Map<UUID, Long> placedAt = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        int[] sent = new int[1];
        try (Confirmations confirmations = Confirmations.fromNow()) {
            memory.during(() -> sent[0] = Pacer.run(rate, durationNanos, n -> {
                long at = System.currentTimeMillis();
                inFlight.add(http.postAsync(system.url("orders") + "/orders", Map.of("customerId", UUID.randomUUID(),
                        "lines", List.of(Map.of("productId", product.get(), "quantity", 1))), "saga-" + sequence.incrementAndGet())
                        .thenAccept(answer -> {
                            if (answer.ok()) {
                                placedAt.put(UUID.fromString(answer.body().path("id").asText()), at);
                            }
                        }));
            }));
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            long deadline = System.nanoTime() + ANSWER_WAIT_NANOS;
            while (confirmations.count() < placedAt.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Map<UUID, Long> confirmedAt = confirmations.confirmedAt();
            Latencies latencies = new Latencies();
            int confirmed = 0;
            for (Map.Entry<UUID, Long> placed : placedAt.entrySet()) {
                Long at = confirmedAt.get(placed.getKey());
                if (at != null) {
                    confirmed++;
                    latencies.add(Math.max(0, at - placed.getValue()) * 1_000_000L);
                }
            }
            for (int unanswered = placedAt.size() - confirmed + (sent[0] - placedAt.size()); unanswered > 0; unanswered--) {
                latencies.add(ANSWER_WAIT_NANOS);
            }
            return new Run(latencies.percentile(50), latencies.percentile(99), confirmed / (double) Math.max(1, sent[0]), confirmed);
        }
    }

    /** A product the catalog added, inventory tracks with a million in stock, and orders knows. */
    private UUID stockedProduct() throws InterruptedException {
        Http.Answer added = untilAccepted(() -> http.post(system.url("catalog") + "/products",
                Map.of("name", "Saga " + sequence.incrementAndGet(), "price", 3.5, "category", "bench"), "setup-" + UUID.randomUUID()));
        UUID product = UUID.fromString(added.body().path("id").asText());
        awaitOk(system.url("inventory") + "/stock/" + product);
        untilAccepted(() -> http.post(system.url("inventory") + "/stock/" + product + "/adjustments",
                Map.of("delta", 1_000_000, "reason", "benchmark stock"), "setup-" + UUID.randomUUID()));
        awaitOk(system.url("orders") + "/products/" + product);
        return product;
    }

    /** Sends again while refused (the services may still be catching up with the run before). */
    private static Http.Answer untilAccepted(Supplier<Http.Answer> send) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Http.Answer answer = send.get();
        while (!answer.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("set-up refused for 60 s, last answer " + answer.status() + ": " + answer.body());
            }
            Thread.sleep(200);
            answer = send.get();
        }
        return answer;
    }

    /**
     * Appends the history of a best-seller to its stock item: deliveries, as SQL straight into
     * inventory's event store (and its read model), as if it had been written over months.
     */
    private static void giveHistory(UUID product, int events) throws Exception {
        try (Connection inventory = Servers.database("inventory", Deployment.database("inventory"))) {
            inventory.setAutoCommit(false);
            long version;
            try (PreparedStatement current = inventory.prepareStatement("SELECT version FROM event_streams WHERE stream_id = ?")) {
                current.setObject(1, product);
                var row = current.executeQuery();
                row.next();
                version = row.getLong(1);
            }
            try (PreparedStatement history = inventory.prepareStatement("INSERT INTO events (event_id, stream_id, version,"
                    + " event_type, data, metadata, recorded_at) SELECT gen_random_uuid(), ?, ? + n, 'StockAdjustedEvent',"
                    + " jsonb_build_object('productId', ?::text, 'delta', 1, 'reason', 'delivery', 'adjustedBy', 'history',"
                    + " 'at', '2026-01-01T00:00:00Z'), '{}'::jsonb, now() FROM generate_series(1, ?) AS n")) {
                history.setObject(1, product);
                history.setLong(2, version);
                history.setString(3, product.toString());
                history.setInt(4, events);
                history.executeUpdate();
            }
            try (PreparedStatement stream = inventory.prepareStatement("UPDATE event_streams SET version = ? WHERE stream_id = ?");
                 PreparedStatement level = inventory.prepareStatement(
                         "UPDATE stock_levels SET on_hand = on_hand + ?, version = ? WHERE product_id = ?")) {
                stream.setLong(1, version + events);
                stream.setObject(2, product);
                stream.executeUpdate();
                level.setInt(1, events);
                level.setLong(2, version + events);
                level.setObject(3, product);
                level.executeUpdate();
            }
            inventory.commit();
        }
    }

    private void awaitOk(String url) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!http.get(url).ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " never answered 200");
            }
            Thread.sleep(20);
        }
    }
}
