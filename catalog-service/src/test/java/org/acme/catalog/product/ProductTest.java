package org.acme.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.junit.jupiter.api.Test;

/** Decisions of the Product aggregate: given events, when a command, then events or a refusal. */
class ProductTest {

    private static final UUID ID = UUID.fromString("6f1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final ProductDetails LAPTOP = new ProductDetails("Laptop", "14 inch", new BigDecimal("999.00"),
            new BigDecimal("700.00"), "ACME Supplies", "margin is thin", "computers");

    private static ProductAddedEvent laptopAdded() {
        return new ProductAddedEvent(ID, LAPTOP, "alice", AT);
    }

    private static Product given(ProductEvent... history) {
        return Product.rehydrate(List.of(history));
    }

    @Test
    void givenNothing_whenAddProduct_thenProductAdded_withEverythingTheCatalogKnows() {
        Product product = Product.add(ID, LAPTOP, "alice", AT);

        assertThat(product.changes()).containsExactly(laptopAdded());
        assertThat(product.state().version()).isEqualTo(1);
    }

    @Test
    void givenAProduct_whenUpdateWithNewDetails_thenProductUpdated_keepingThePreviousDetails() {
        Product product = given(laptopAdded());
        ProductDetails cheaper = new ProductDetails("Laptop", "14 inch", new BigDecimal("899.00"),
                new BigDecimal("700.00"), "ACME Supplies", "margin is thinner", "computers");

        product.update(cheaper, "bob", AT.plusSeconds(60));

        assertThat(product.changes()).containsExactly(new ProductUpdatedEvent(ID, LAPTOP, cheaper, "bob", AT.plusSeconds(60)));
        assertThat(product.state().version()).isEqualTo(2);
    }

    @Test
    void givenAProduct_whenUpdateWithTheSameDetails_thenNothingHappens() {
        Product product = given(laptopAdded());

        product.update(LAPTOP, "bob", AT);

        assertThat(product.changes()).isEmpty();
    }

    @Test
    void givenARemovedProduct_whenUpdate_thenRejectedBecauseOfItsState() {
        Product product = given(laptopAdded(), new ProductRemovedEvent(ID, "alice", AT));

        assertThatThrownBy(() -> product.update(LAPTOP, "bob", AT))
                .isInstanceOfSatisfying(CommandRejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.CONFLICTING_STATE))
                .hasMessageContaining("it was removed");
    }

    @Test
    void givenAProduct_whenRemove_thenProductRemoved() {
        Product product = given(laptopAdded());

        product.remove("carol", AT);

        assertThat(product.changes()).containsExactly(new ProductRemovedEvent(ID, "carol", AT));
        assertThat(product.state().status()).isEqualTo(ProductState.Status.REMOVED);
    }

    @Test
    void givenARemovedProduct_whenRemove_thenRejected() {
        Product product = given(laptopAdded(), new ProductRemovedEvent(ID, "alice", AT));

        assertThatThrownBy(() -> product.remove("carol", AT))
                .isInstanceOf(CommandRejected.class)
                .hasMessageContaining("already removed");
        assertThat(product.changes()).isEmpty();
    }

    @Test
    void productDetails_refuseANegativePrice_moreThanTwoDecimals_andABlankName() {
        assertThatThrownBy(() -> new ProductDetails("Pen", null, new BigDecimal("-1"), null, null, null, null))
                .hasMessageContaining("price cannot be negative");
        assertThatThrownBy(() -> new ProductDetails("Pen", null, new BigDecimal("1.234"), null, null, null, null))
                .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> new ProductDetails(" ", null, BigDecimal.ONE, null, null, null, null))
                .hasMessageContaining("needs a name");
        assertThat(new ProductDetails("Pen", null, new BigDecimal("1.5"), null, null, null, null).price())
                .isEqualTo(new BigDecimal("1.50"));
    }
}
