package org.acme.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in docker/grafana/dashboards queries only meters the running services expose: every
 * metric name in its queries is in a service's {@code /q/metrics}, after an order went through the saga.
 */
@WithRunningSystem
class DashboardMetricsIT {

    private static final Path DASHBOARD = Path.of(System.getProperty("repository.root", ".."))
            .resolve("docker/grafana/dashboards/integration-events.json");
    /** A metric selected with its labels, as every query of the dashboard writes them: {@code name{...}}. */
    private static final Pattern SELECTED = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private static RunningSystem system;

    @BeforeAll
    static void system(RunningSystem running) {
        system = running;
    }

    @Test
    void everyMetricTheDashboardQueries_isExposedByARunningService() throws IOException {
        Storefront shop = new Storefront(system);
        UUID order = shop.placeOrder(shop.aStockedProduct("Dashboard lamp", 9.00, 3), 1);
        shop.awaitOrderStatus(order, "CONFIRMED");

        List<String> queries = queriesOf(new ObjectMapper().readTree(DASHBOARD.toFile()));
        Set<String> queried = new LinkedHashSet<>();
        for (String query : queries) {
            Set<String> names = metricsIn(query);
            assertThat(names).as("the metrics of %s, each written name{...}", query).isNotEmpty();
            queried.addAll(names);
        }
        Set<String> exposed = new LinkedHashSet<>();
        for (String service : List.of("catalog", "orders", "inventory")) {
            exposed.addAll(Meters.names(system.management(service)));
        }

        assertThat(queries).as("the dashboard's queries").hasSizeGreaterThan(10);
        assertThat(exposed).as("what the services expose").containsAll(queried);
    }

    /** Every PromQL query of the dashboard: its panels' targets and its variables. */
    private static List<String> queriesOf(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expression -> queries.add(expression.asText()));
        dashboard.path("templating").path("list").forEach(variable -> queries.add(variable.path("query").asText()));
        return queries;
    }

    private static Set<String> metricsIn(String query) {
        Set<String> names = new LinkedHashSet<>();
        for (Pattern pattern : List.of(SELECTED, LABEL_VALUES)) {
            Matcher metric = pattern.matcher(query);
            while (metric.find()) {
                names.add(metric.group(1));
            }
        }
        return names;
    }
}
