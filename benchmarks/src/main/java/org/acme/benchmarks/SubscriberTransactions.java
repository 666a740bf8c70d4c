package org.acme.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many messages each subscriber (orders, inventory) applied so far, and in how many committed
 * transactions, read from its metrics: messages applied, and batches of two or more with the
 * messages in them (decision 0019); every message outside a batch was a transaction of its own. Two
 * readings around a run say how many messages a subscriber's commit carried on average: fewer means
 * more commits, each one work for PostgreSQL and an acknowledgement for RabbitMQ.
 */
record SubscriberTransactions(Map<String, Reading> readings) {

    private static final List<String> SUBSCRIBERS = List.of("orders", "inventory");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(subscription_messages_total|subscription_batch_size_messages_count"
            + "|subscription_batch_size_messages_sum)(\\{[^\\n]*})? (\\S+)");

    /** What one subscriber's metrics said. */
    record Reading(double applied, double batches, double batched) {

        Reading minus(Reading before) {
            return new Reading(applied - before.applied, batches - before.batches, batched - before.batched);
        }

        double transactions() {
            return batches + (applied - batched);
        }
    }

    static SubscriberTransactions now(Deployment system) throws IOException, InterruptedException {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (String subscriber : SUBSCRIBERS) {
            // A baseline from before the management interface serves its metrics on its public port.
            Reading reading = read(system.managementUrl(subscriber));
            readings.put(subscriber, reading != null ? reading : read(system.url(subscriber)));
        }
        return new SubscriberTransactions(readings);
    }

    /** Each subscriber's messages applied per committed transaction since {@code before}, as figures of {@code run}. */
    void putSince(SubscriberTransactions before, Figures figures, String run) {
        readings.forEach((subscriber, now) -> {
            Reading earlier = before.readings().get(subscriber);
            Reading spent = now == null || earlier == null ? null : now.minus(earlier);
            figures.put(run + ": " + subscriber + ", messages per subscriber transaction", spent == null || spent.transactions() <= 0
                    ? "-" : Math.round(10 * spent.applied() / spent.transactions()) / 10.0);
        });
    }

    /** What the service's metrics say; null when it serves none there (nothing listening, or not found). */
    private static Reading read(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException nothingListening) {
            return null;
        }
        if (response.statusCode() != 200) {
            return null;
        }
        double applied = 0;
        double batches = 0;
        double batched = 0;
        Matcher sample = SAMPLE.matcher(response.body());
        while (sample.find()) {
            double value = Double.parseDouble(sample.group(3));
            String labels = sample.group(2) == null ? "" : sample.group(2);
            switch (sample.group(1)) {
                case "subscription_messages_total" -> applied += labels.contains("outcome=\"applied\"") ? value : 0;
                case "subscription_batch_size_messages_count" -> batches += value;
                default -> batched += value;
            }
        }
        return new Reading(applied, batches, batched);
    }
}
