package org.acme.inventory.stockitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acme.infrastructure.commands.CommandRejected;
import org.junit.jupiter.api.Test;

/** Decisions of the StockItem aggregate: given events, when a command, then events or a refusal. */
class StockItemTest {

    private static final UUID PRODUCT = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID ORDER = UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    private static StockItem given(StockItemEvent... history) {
        return StockItem.rehydrate(List.of(history));
    }

    private static StockItemTrackedEvent tracked() {
        return new StockItemTrackedEvent(PRODUCT, "Laptop", 1, AT);
    }

    private static StockAdjustedEvent delivered(int quantity) {
        return new StockAdjustedEvent(PRODUCT, quantity, "delivery", "alice", AT);
    }

    @Test
    void givenNothing_whenTrack_thenTrackedWithNothingOnHand() {
        StockItem item = StockItem.track(PRODUCT, "Laptop", 1, AT);

        assertThat(item.changes()).containsExactly(tracked());
        assertThat(item.onHand()).isZero();
    }

    @Test
    void givenATrackedItem_whenRenamedByANewerCatalogVersion_thenRenamed() {
        StockItem item = given(tracked());

        item.rename("Laptop Pro", 2, AT);

        assertThat(item.changes()).containsExactly(new StockItemRenamedEvent(PRODUCT, "Laptop", "Laptop Pro", 2, AT));
    }

    @Test
    void givenARenamedItem_whenAnOlderCatalogNameArrivesLate_thenNothingChanges() {
        StockItem item = given(tracked(), new StockItemRenamedEvent(PRODUCT, "Laptop", "Laptop Pro", 3, AT));

        item.rename("Laptop Plus", 2, AT);

        assertThat(item.changes()).isEmpty();
        assertThat(item.name()).isEqualTo("Laptop Pro");
    }

    @Test
    void givenStock_whenAdjustedDown_belowWhatIsReserved_thenRejectedByARule() {
        StockItem item = given(tracked(), delivered(5), new StockReservedEvent(PRODUCT, ORDER, 4, AT));

        assertThatThrownBy(() -> item.adjust(-2, "broken", "bob", AT))
                .isInstanceOfSatisfying(CommandRejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.BUSINESS_RULE))
                .hasMessageContaining("5 on hand, 4 reserved");
    }

    @Test
    void givenStock_whenAdjusted_thenAdjusted() {
        StockItem item = given(tracked(), delivered(5));

        item.adjust(-1, "broken", "bob", AT);

        assertThat(item.changes()).containsExactly(new StockAdjustedEvent(PRODUCT, -1, "broken", "bob", AT));
        assertThat(item.onHand()).isEqualTo(4);
    }

    @Test
    void givenADiscontinuedItem_whenStockArrives_thenRejectedBecauseOfItsState() {
        StockItem item = given(tracked(), new StockItemDiscontinuedEvent(PRODUCT, 2, AT));

        assertThatThrownBy(() -> item.adjust(3, "delivery", "bob", AT))
                .isInstanceOfSatisfying(CommandRejected.class,
                        rejected -> assertThat(rejected.kind()).isEqualTo(CommandRejected.Kind.CONFLICTING_STATE));
    }

    @Test
    void givenEnoughStock_whenReserve_thenReserved_andLessIsAvailable() {
        StockItem item = given(tracked(), delivered(5));

        item.reserve(ORDER, 3, AT);

        assertThat(item.changes()).containsExactly(new StockReservedEvent(PRODUCT, ORDER, 3, AT));
        assertThat(item.available()).isEqualTo(2);
        assertThat(item.reserved()).isEqualTo(3);
    }

    @Test
    void givenTooLittleStock_whenReserve_thenRejected() {
        StockItem item = given(tracked(), delivered(2));

        assertThat(item.canReserve(3)).isFalse();
        assertThatThrownBy(() -> item.reserve(ORDER, 3, AT)).hasMessageContaining("only 2 available");
    }

    @Test
    void givenAReservation_whenReleased_thenAvailableAgain() {
        StockItem item = given(tracked(), delivered(5), new StockReservedEvent(PRODUCT, ORDER, 3, AT));

        item.release(ORDER, 3, AT);

        assertThat(item.changes()).containsExactly(new StockReleasedEvent(PRODUCT, ORDER, 3, AT));
        assertThat(item.available()).isEqualTo(5);
    }

    @Test
    void givenLessReservedThanAHoldingClaims_whenReleasedOrShipped_thenItIsABug_notAnEvent() {
        StockItem item = given(tracked(), delivered(5), new StockReservedEvent(PRODUCT, ORDER, 2, AT));

        assertThatThrownBy(() -> item.release(ORDER, 3, AT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> item.ship(ORDER, 0, AT)).isInstanceOf(IllegalStateException.class);
        assertThat(item.changes()).isEmpty();
    }

    @Test
    void manyOpenReservations_areTotals_andSurviveASnapshot() {
        StockItem item = given(tracked(), delivered(100), new StockReservedEvent(PRODUCT, UUID.randomUUID(), 3, AT),
                new StockReservedEvent(PRODUCT, ORDER, 4, AT), new StockShippedEvent(PRODUCT, UUID.randomUUID(), 3, AT));

        StockItem restored = StockItem.restore(item.snapshot(), item.version(), List.of(new StockReleasedEvent(PRODUCT, ORDER, 4, AT)));

        assertThat(restored.version()).isEqualTo(item.version() + 1);
        assertThat(restored.onHand()).isEqualTo(97);
        assertThat(restored.reserved()).isZero();
        assertThat(restored.name()).isEqualTo(item.name());
        assertThat(restored.eventsSinceSnapshot()).isEqualTo(1);
    }

    @Test
    void givenAReservation_whenShipped_thenItLeavesTheStockOnHand() {
        StockItem item = given(tracked(), delivered(5), new StockReservedEvent(PRODUCT, ORDER, 3, AT));

        item.ship(ORDER, 3, AT);

        assertThat(item.changes()).containsExactly(new StockShippedEvent(PRODUCT, ORDER, 3, AT));
        assertThat(item.onHand()).isEqualTo(2);
        assertThat(item.reserved()).isZero();
    }
}
