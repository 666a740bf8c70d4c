package org.acme.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PastParticipleTest {

    @ParameterizedTest
    @ValueSource(strings = {"Added", "Placed", "Rejected", "Sent", "Paid", "Withdrawn", "Rebuilt", "Undone", "Overpaid",
            "Agreed", "Led", "Set", "Chosen"})
    void pastParticiples_are(String word) {
        assertThat(PastParticiple.is(word)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add", "Place", "Event", "Speed", "Need", "Proceed", "Bed", "Hundred", "Order", "Count", "Ed"})
    void otherWords_areNot(String word) {
        assertThat(PastParticiple.is(word)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"Place,Placed", "Ship,Shipped", "Apply,Applied", "Count,Counted", "Placement,Placed", "Shipping,Shipped",
            "Sent,Sent"})
    void aParticiple_isGuessed_forTheMessage(String word, String guess) {
        assertThat(PastParticiple.guess(word)).contains(guess);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reservation", "Order", "Availability"})
    void noParticiple_isGuessed_forANounWithoutAVerb(String word) {
        assertThat(PastParticiple.guess(word)).isEmpty();
    }
}
