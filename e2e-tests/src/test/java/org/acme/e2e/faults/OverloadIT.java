package org.acme.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Far more clients at once than the services can serve: the excess is refused at once with 503,
 * problem+json and Retry-After (the clients honour it and come back), instead of waiting in a queue;
 * and no accepted order is lost or applied twice.
 */
class OverloadIT {

    private static final int LOAD = 30;
    private static final int CLIENTS = 200;
    private static final Duration BURST = Duration.ofSeconds(8);

    @Test
    void twoHundredClientsAtOnce_theExcessIsRefusedAtOnceWith503AndRetryAfter_andNothingAcceptedIsLost() throws Exception {
        try (Scenario scenario = Scenario.start("overload")) {
            Workload workload = scenario.load(LOAD);
            Thread.sleep(3_000);

            List<UUID> plentiful = scenario.shop().products().stream()
                    .filter(product -> product.openingStock() == Shop.PLENTIFUL).map(Shop.Product::id).toList();
            List<Operation> burst = new CopyOnWriteArrayList<>();
            Instant end = Instant.now().plus(BURST);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Random random = new Random(i);
                Thread client = new Thread(() -> {
                    while (Instant.now().isBefore(end)) {
                        Operation placed = workload.placeOrder(Map.of(plentiful.get(random.nextInt(plentiful.size())), 1));
                        burst.add(placed);
                        if (placed.status() == 503) {
                            honour(placed.retryAfter());
                        }
                    }
                }, "burst-" + i);
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            Instant burstEnded = Instant.now();

            List<Operation> accepted = burst.stream().filter(operation -> operation.status() == 201).toList();
            List<Operation> refused = burst.stream().filter(operation -> operation.status() == 503).toList();
            scenario.measure("orders sent by the 200 clients", burst.size());
            scenario.measure("accepted (201)", accepted.size());
            scenario.measure("refused (503)", refused.size());
            scenario.measure("refusals p99 (ms)", percentile(refused, 99).toMillis());
            scenario.measure("accepted p99 (ms)", percentile(accepted, 99).toMillis());

            Scenario.Result result = scenario.finish("Overload: 200 clients at once for 8 s", LOAD + " commands/s + 200 clients placing orders",
                    "200 concurrent clients for 8 s, each honouring Retry-After", burstEnded, Duration.ofSeconds(90), 0);

            assertThat(refused).as("the excess was refused").isNotEmpty();
            assertThat(burst).as("every order of the burst was answered: accepted or refused")
                    .allSatisfy(operation -> assertThat(operation.status()).as(operation.correlationId()).isIn(201, 503));
            assertThat(refused).as("each refusal says so in problem+json, and when to come back").allSatisfy(operation -> {
                assertThat(operation.contentType()).startsWith("application/problem+json");
                assertThat(operation.retryAfter()).isNotBlank();
            });
            assertThat(percentile(refused, 99)).as("refused at once, not after waiting in a queue").isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(result.lost() + result.appliedTwice()).isZero();
        }
    }

    private static void honour(String retryAfter) {
        try {
            Thread.sleep(Duration.ofSeconds(retryAfter.isBlank() ? 1 : Long.parseLong(retryAfter)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration percentile(List<Operation> operations, int percentile) {
        List<Duration> latencies = operations.stream().map(Operation::latency).sorted(Comparator.naturalOrder()).toList();
        return latencies.isEmpty() ? Duration.ZERO
                : latencies.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1));
    }
}
