package org.acme.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a running service's {@code /q/metrics} says, read as Prometheus reads it (its text format). */
public final class Meters {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * A sample line: name, labels (quoted values may hold braces: {@code uri="/orders/{id}"}), value,
     * then what OpenMetrics may add (a timestamp, an exemplar with the trace it came from).
     */
    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})? (\\S+)(?: .*)?$");

    private Meters() {
    }

    /** The sum of a meter's samples that carry every label given ({@code type="OrderPlaced"}); empty when there is none. */
    public static OptionalDouble value(String managementUrl, String name, String... labels) {
        Matcher sample = SAMPLE.matcher(scrape(managementUrl));
        double sum = 0;
        boolean found = false;
        while (sample.find()) {
            String sampleLabels = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(name) && Arrays.stream(labels).allMatch(sampleLabels::contains)) {
                sum += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** Every sample name the service exposes now. */
    public static Set<String> names(String managementUrl) {
        Set<String> names = new LinkedHashSet<>();
        Matcher sample = SAMPLE.matcher(scrape(managementUrl));
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }

    private static String scrape(String managementUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException unreachable) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
