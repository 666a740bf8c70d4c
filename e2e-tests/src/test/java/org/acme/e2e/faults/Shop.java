package org.acme.e2e.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The products a scenario trades in, added to the catalog and stocked in inventory before any fault:
 * plenty of most, and one scarce product so that some orders are refused for lack of stock.
 */
final class Shop {

    /** A product and the stock it started with. */
    record Product(UUID id, int openingStock) {
    }

    static final int PLENTIFUL = 100_000;
    static final int SCARCE = 5;
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final List<Product> products;

    private Shop(List<Product> products) {
        this.products = List.copyOf(products);
    }

    /** Adds {@code count} products (the last one scarce) and waits until orders and inventory know them. */
    static Shop open(Cluster cluster, Http http, int count) throws InterruptedException {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Answer added = http.post(cluster.url("catalog") + "/products", Map.of(
                    "name", "Product " + (i + 1), "price", new BigDecimal("10.00").add(BigDecimal.valueOf(i)),
                    "category", "faults"), "shop-" + UUID.randomUUID());
            require(added.status() == 201, "adding a product answered " + added.status() + " " + added.body());
            products.add(new Product(UUID.fromString(added.body().path("id").asText()), i == count - 1 ? SCARCE : PLENTIFUL));
        }
        for (Product product : products) {
            awaitOk(() -> http.get(cluster.url("inventory") + "/stock/" + product.id()), "inventory to track " + product.id());
            Http.Answer stocked = http.post(cluster.url("inventory") + "/stock/" + product.id() + "/adjustments",
                    Map.of("delta", product.openingStock(), "reason", "opening stock"), "shop-" + UUID.randomUUID());
            require(stocked.ok(), "stocking a product answered " + stocked.status() + " " + stocked.body());
            awaitOk(() -> http.get(cluster.url("orders") + "/products/" + product.id()), "orders to know " + product.id());
        }
        return new Shop(products);
    }

    List<Product> products() {
        return products;
    }

    Product scarce() {
        return products.get(products.size() - 1);
    }

    private static void awaitOk(java.util.function.Supplier<Http.Answer> call, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PROPAGATION);
        while (!call.get().ok()) {
            require(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
