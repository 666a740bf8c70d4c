package org.acme.e2e.faults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.acme.e2e.faults.Operation.Kind;

/**
 * Clients sending a steady mix of commands to the cluster while faults happen, recording each one
 * as ok, failed or unknown: orders placed (some beyond the scarce product's stock), cancelled and
 * shipped, stock adjusted, products renamed and repriced.
 */
final class Workload implements AutoCloseable {

    private final Cluster cluster;
    private final Shop shop;
    private final Http http;
    private final double perClientPerSecond;
    private final List<Thread> clients = new ArrayList<>();
    private final List<Operation> operations = new CopyOnWriteArrayList<>();
    private final List<UUID> placed = new CopyOnWriteArrayList<>();
    private final Set<UUID> settled = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean paused;

    Workload(Cluster cluster, Shop shop, Http http, double commandsPerSecond, int clientCount) {
        this.cluster = cluster;
        this.shop = shop;
        this.http = http;
        this.perClientPerSecond = commandsPerSecond / clientCount;
        for (int i = 0; i < clientCount; i++) {
            long seed = 7919L * (i + 1);
            clients.add(new Thread(() -> run(new Random(seed)), "workload-" + i));
        }
    }

    static Workload start(Cluster cluster, Shop shop, double commandsPerSecond) {
        Workload workload = new Workload(cluster, shop, new Http(java.time.Duration.ofSeconds(5)), commandsPerSecond, 4);
        workload.running = true;
        workload.clients.forEach(Thread::start);
        return workload;
    }

    /** Stops sending and waits for the commands in flight to be answered. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    /** Stops sending for a while; the commands in flight are answered before this returns. */
    void pause() throws InterruptedException {
        paused = true;
        Thread.sleep(6_000);
    }

    void resume() {
        paused = false;
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    long count(Predicate<Operation> which) {
        return operations.stream().filter(which).count();
    }

    long count(Operation.Outcome outcome) {
        return count(operation -> operation.outcome() == outcome);
    }

    Shop shop() {
        return shop;
    }

    private void run(Random random) {
        long intervalNanos = (long) (1e9 / perClientPerSecond);
        long next = System.nanoTime();
        while (running) {
            try {
                if (!paused) {
                    oneCommand(random);
                }
            } catch (RuntimeException e) {
                // A client bug must not stop the load; the checker judges the outcome.
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void oneCommand(Random random) {
        int dice = random.nextInt(100);
        if (dice < 45 || placed.isEmpty()) {
            placeOrder(random);
        } else if (dice < 60) {
            cancelOrder(random);
        } else if (dice < 70) {
            shipOrder(random);
        } else if (dice < 90) {
            adjustStock(random);
        } else {
            updateProduct(random);
        }
    }

    private void placeOrder(Random random) {
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        int lineCount = 1 + random.nextInt(2);
        while (lines.size() < lineCount) {
            lines.put(randomProduct(random), 1 + random.nextInt(3));
        }
        placeOrder(lines);
    }

    /** Places an order for a customer of its own, recorded like every other command. */
    Operation placeOrder(Map<UUID, Integer> lines) {
        UUID customer = UUID.randomUUID();
        List<Map<String, Object>> body = lines.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        String correlation = correlation();
        Instant sent = Instant.now();
        Http.Answer answer = http.post(cluster.url("orders") + "/orders", Map.of("customerId", customer, "lines", body), correlation);
        UUID orderId = answer.ok() ? UUID.fromString(answer.body().path("id").asText()) : null;
        Operation placement = record(Operation.of(Kind.PLACE_ORDER, correlation, orderId, customer, lines, 0, sent, answer));
        if (orderId != null) {
            placed.add(orderId);
        }
        return placement;
    }

    private void cancelOrder(Random random) {
        UUID order = unsettledOrder(random);
        if (order == null) {
            placeOrder(random);
            return;
        }
        String correlation = correlation();
        Instant sent = Instant.now();
        Http.Answer answer = http.post(cluster.url("orders") + "/orders/" + order + "/cancel", null, correlation);
        record(Operation.of(Kind.CANCEL_ORDER, correlation, order, null, Map.of(), 0, sent, answer));
    }

    private void shipOrder(Random random) {
        UUID order = unsettledOrder(random);
        if (order == null) {
            adjustStock(random);
            return;
        }
        Http.Answer current = http.get(cluster.url("orders") + "/orders/" + order);
        if (!"CONFIRMED".equals(current.body().path("status").asText())) {
            settled.remove(order);
            adjustStock(random);
            return;
        }
        String correlation = correlation();
        Instant sent = Instant.now();
        Http.Answer answer = http.post(cluster.url("orders") + "/orders/" + order + "/ship", null, correlation);
        record(Operation.of(Kind.SHIP_ORDER, correlation, order, null, Map.of(), 0, sent, answer));
    }

    private void adjustStock(Random random) {
        adjustStock(randomProduct(random), 1 + random.nextInt(5));
    }

    Operation adjustStock(UUID product, int delta) {
        String correlation = correlation();
        Instant sent = Instant.now();
        Http.Answer answer = http.post(cluster.url("inventory") + "/stock/" + product + "/adjustments",
                Map.of("delta", delta, "reason", "delivery " + correlation), correlation);
        return record(Operation.of(Kind.ADJUST_STOCK, correlation, product, null, Map.of(), delta, sent, answer));
    }

    private void updateProduct(Random random) {
        BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900)).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
        updateProduct(randomProduct(random), price);
    }

    Operation updateProduct(UUID product, BigDecimal price) {
        String correlation = correlation();
        Instant sent = Instant.now();
        Http.Answer answer = http.put(cluster.url("catalog") + "/products/" + product,
                Map.of("name", "Product " + correlation, "price", price, "category", "faults"), correlation);
        return record(Operation.of(Kind.UPDATE_PRODUCT, correlation, product, null, Map.of(), 0, sent, answer));
    }

    /** An order placed earlier that no cancel or ship was tried on yet; each is tried once. */
    private UUID unsettledOrder(Random random) {
        for (int attempt = 0; attempt < 5 && !placed.isEmpty(); attempt++) {
            UUID order = placed.get(random.nextInt(placed.size()));
            if (settled.add(order)) {
                return order;
            }
        }
        return null;
    }

    private UUID randomProduct(Random random) {
        List<Shop.Product> products = shop.products();
        return products.get(random.nextInt(products.size())).id();
    }

    private Operation record(Operation operation) {
        operations.add(operation);
        return operation;
    }

    private static String correlation() {
        return "w-" + UUID.randomUUID();
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
