package org.acme.contracts.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acme.integrationevents.IntegrationEvent;
import org.acme.integrationevents.Outcome;
import org.acme.integrationevents.Since;

/** Shapes of a ProductAdded-like contract, for planting changes the gate must catch. */
final class PlantedRecords {

    private PlantedRecords() {
    }

    record ProductAddedV1(UUID productId, String name, BigDecimal price) implements IntegrationEvent {
    }

    record ProductAddedWithCategory(UUID productId, String name, BigDecimal price, @Since(2) String category)
            implements IntegrationEvent {
    }

    record ProductAddedWithoutPrice(UUID productId, String name) implements IntegrationEvent {
    }

    record ProductAddedWithCategoryWithoutPrice(UUID productId, String name, @Since(2) String category)
            implements IntegrationEvent {
    }

    record ProductAddedWithTextPrice(UUID productId, String name, String price) implements IntegrationEvent {
    }

    record ProductAddedRequiringCategory(UUID productId, String name, BigDecimal price, String category)
            implements IntegrationEvent {
    }

    /** Every kind of field a contract may have. */
    record Everything(UUID id, String text, BigDecimal amount, int count, long total, Integer boxed, boolean flag,
                      Instant at, Outcome outcome, List<Part> parts, List<String> tags, Map<String, Integer> counts,
                      @Since(2) Part extra, @Since(2) int added) implements IntegrationEvent {
    }

    record Part(UUID partId, int quantity) {
    }
}
