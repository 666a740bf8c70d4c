package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acme.contracts.sources.DeclaredType;

/**
 * An integration event is named for what happened, in the past tense, with no suffix: the
 * {@code Event} suffix marks the internal domain events, which must not be confused with the
 * published ones.
 */
public final class EventNames implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        Map<String, String> whereNamed = new LinkedHashMap<>();
        repository.manifest().events().forEach(event -> whereNamed.putIfAbsent(event.name(), RepositorySnapshot.MANIFEST));
        for (DeclaredType contract : repository.contracts()) {
            whereNamed.putIfAbsent(contract.eventType(), contract.file());
            whereNamed.putIfAbsent(contract.simpleName(), contract.file());
        }
        List<Violation> violations = new ArrayList<>();
        whereNamed.forEach((name, where) -> problem(name).ifPresent(problem ->
                violations.add(new Violation("event-name", where, problem, suggestion(name)
                        .map(suggested -> "rename it " + suggested)
                        .orElse("rename it after what happened, e.g. OrderPlaced, StockReserved, PaymentSent")
                        + ": an integration event says what happened, in the past tense, without a suffix"))));
        return violations;
    }

    /** What is wrong with a name, if anything: the generator checks the same before it writes. */
    public static Optional<String> problem(String name) {
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            return Optional.of(name + " is not an UpperCamelCase Java name");
        }
        if (name.endsWith("Event")) {
            return Optional.of(name + " ends with Event, the suffix of internal domain events");
        }
        String last = lastWord(name);
        if (!PastParticiple.is(last)) {
            return Optional.of(name + " is not in the past tense: " + last + " is not a past participle");
        }
        return Optional.empty();
    }

    /** The name with its suffix dropped and its last word made a participle, when that can be guessed. */
    static Optional<String> suggestion(String name) {
        String stem = name;
        while (stem.endsWith("Event") && stem.length() > "Event".length()) {
            stem = stem.substring(0, stem.length() - "Event".length());
        }
        String last = lastWord(stem);
        String start = stem.substring(0, stem.length() - last.length());
        return PastParticiple.guess(last).map(participle -> start + participle);
    }

    static String lastWord(String name) {
        String[] words = name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
        return words[words.length - 1];
    }
}
