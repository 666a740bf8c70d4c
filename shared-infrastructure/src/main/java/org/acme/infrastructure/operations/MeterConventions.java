package org.acme.infrastructure.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every service's meters have in common, so that one dashboard reads them all. */
public class MeterConventions {

    /** Every meter carries the service it comes from ({@code service="orders"}): a dashboard shows them side by side. */
    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "integration-events.context") String context) {
        return MeterFilter.commonTags(Tags.of("service", context));
    }

    /** The API's latency as a histogram, so that a dashboard can sum instances before it takes the 99th percentile. */
    @Produces
    @Singleton
    MeterFilter httpServerHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).minimumExpectedValue(1e6)
                                .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos()).build().merge(config)
                        : config;
            }
        };
    }
}
