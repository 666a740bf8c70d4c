package org.acme.contracts.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a word is a past participle, the way an integration event's name ends ({@code Placed},
 * {@code Sent}, {@code Withdrawn}). English has no rule for this, so: regular "-ed" words, a list of
 * irregular ones (also with re-, un-, over-... in front), and the "-ed" words that are not.
 */
public final class PastParticiple {

    private static final Set<String> IRREGULAR = Set.of(
            "Sent", "Paid", "Sold", "Built", "Made", "Held", "Kept", "Lost", "Found", "Set", "Put", "Shown", "Known",
            "Drawn", "Withdrawn", "Written", "Taken", "Given", "Chosen", "Broken", "Frozen", "Done", "Begun", "Won",
            "Bought", "Caught", "Brought", "Thought", "Taught", "Sought", "Fought", "Left", "Met", "Read", "Led", "Fed",
            "Fled", "Bled", "Bred", "Sped", "Spent", "Lent", "Bent", "Dealt", "Felt", "Meant", "Slept", "Swept", "Cut",
            "Shut", "Hit", "Hurt", "Let", "Quit", "Bid", "Cast", "Cost", "Split", "Spread", "Seen", "Been", "Gone",
            "Come", "Become", "Forgotten", "Gotten", "Got", "Hidden", "Ridden", "Driven", "Risen", "Arisen", "Spoken",
            "Stolen", "Woken", "Worn", "Torn", "Sworn", "Born", "Borne", "Shaken", "Forgiven", "Forbidden", "Eaten",
            "Fallen", "Beaten", "Proven", "Shrunk", "Sunk", "Sung", "Rung", "Hung", "Spun", "Struck", "Stuck", "Dug",
            "Shot", "Sat", "Stood", "Understood", "Told", "Ground", "Bound", "Wound", "Laid", "Said", "Heard", "Lit",
            "Slid", "Flown", "Grown", "Thrown", "Blown", "Sewn", "Sown", "Shorn", "Swollen", "Dreamt", "Learnt", "Burnt");

    /** Prefixes that keep a participle a participle: Rebuilt, Undone, Overpaid, Mislaid, Upheld. */
    private static final List<String> PREFIXES = List.of("Re", "Un", "Pre", "Over", "Under", "Mis", "Out", "With", "Up",
            "Fore", "Down");

    /** "-eed" words are mostly not participles (Speed, Need, Proceed); these are. */
    private static final Set<String> EED_PARTICIPLES = Set.of("Agreed", "Disagreed", "Freed", "Guaranteed", "Decreed",
            "Refereed");

    /** "-ed" words that are nouns or adjectives. */
    private static final Set<String> NOT_PARTICIPLES = Set.of("Bed", "Red", "Hundred", "Embed", "Sled", "Shred", "Sacred",
            "Naked", "Wicked");

    private PastParticiple() {
    }

    public static boolean is(String word) {
        if (IRREGULAR.contains(word)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (word.length() > prefix.length() + 1 && word.startsWith(prefix)) {
                String rest = word.substring(prefix.length());
                if (IRREGULAR.contains(Character.toUpperCase(rest.charAt(0)) + rest.substring(1))) {
                    return true;
                }
            }
        }
        if (word.endsWith("eed")) {
            return EED_PARTICIPLES.contains(word);
        }
        return word.length() > 3 && word.endsWith("ed") && !NOT_PARTICIPLES.contains(word);
    }

    /**
     * A guess at the participle a word stands for, for a message: Place → Placed, Ship → Shipped,
     * Apply → Applied, Placement → Placed, Shipping → Shipped. Nothing for a noun with no verb to
     * read off (Reservation, Order).
     */
    public static Optional<String> guess(String word) {
        if (word.isEmpty() || is(word)) {
            return Optional.of(word);
        }
        String lower = word.toLowerCase();
        if (lower.endsWith("ment") && lower.length() > 6) {
            return guess(word.substring(0, word.length() - 4));
        }
        if (lower.endsWith("ing") && lower.length() > 5) {
            return Optional.of(word.substring(0, word.length() - 3) + "ed");
        }
        if (lower.matches(".*(tion|sion|ance|ence|ity|ness|er|or)")) {
            return Optional.empty();
        }
        if (lower.endsWith("e")) {
            return Optional.of(word + "d");
        }
        if (lower.matches(".*[^aeiou]y")) {
            return Optional.of(word.substring(0, word.length() - 1) + "ied");
        }
        if (lower.matches("[^aeiou]*[aeiou][^aeiouwxy]") && lower.length() <= 4) {
            return Optional.of(word + word.charAt(word.length() - 1) + "ed");
        }
        return Optional.of(word + "ed");
    }
}
