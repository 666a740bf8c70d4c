package org.acme.catalog.addproduct;

import static org.acme.catalog.CatalogApi.aLaptop;
import static org.acme.catalog.CatalogApi.added;
import static org.acme.infrastructure.testing.QueueProbe.bodyContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.acme.infrastructure.outbox.OutboxRelay;
import org.acme.infrastructure.testing.QueueProbe;
import org.acme.infrastructure.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox keeps a command's events while the broker is unreachable. Every catalog test reaches
 * the broker through the test servers' proxy (the resource is global), so only this test ever cuts it.
 */
@QuarkusTest
@WithTestResource(value = TestServers.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "catalog_test"), @ResourceArg(name = "context", value = "catalog")})
class AddProductWhileBrokerIsDownTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The owner's datasource, the one JDBC pool (for the migrations): the test reads and writes rows directly. */
    @Inject
    @DataSource("migrations")
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @AfterEach
    void giveTheBrokerBack() {
        TestServers.restoreBroker();
    }

    @Test
    void addProduct_whileTheBrokerIsUnreachable_succeeds_andIsPublishedOnceTheBrokerIsBack() throws Exception {
        try (QueueProbe productAdded = QueueProbe.on("catalog", "ProductAdded.*")) {
            TestServers.cutBroker();

            UUID id = added(aLaptop());

            await().atMost(PATIENCE).until(() -> relay.state() == OutboxRelay.State.BROKER_UNAVAILABLE);
            assertThat(publishedAt(id)).isEqualTo("unpublished");
            assertThat(productAdded.matching(bodyContains(id.toString()))).isEmpty();

            TestServers.restoreBroker();

            productAdded.await(bodyContains(id.toString()), 1, PATIENCE);
            await().atMost(PATIENCE).until(() -> publishedAt(id).equals("published"));
        }
    }

    private String publishedAt(UUID productId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT published_at IS NOT NULL FROM outbox WHERE aggregate_id = ? AND event_type = 'ProductAdded'")) {
            query.setString(1, productId.toString());
            try (ResultSet row = query.executeQuery()) {
                return !row.next() ? "missing" : row.getBoolean(1) ? "published" : "unpublished";
            }
        }
    }
}
