package org.acme.contracts.validation;

import java.util.List;

/** A file that cannot be parsed hides whatever it declares from every other rule: say so. */
final class UnreadableSources implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        return repository.sources().unreadable().stream()
                .map(problem -> {
                    int colon = problem.indexOf(": ");
                    return new Violation("unreadable-source", problem.substring(0, colon),
                            "cannot be parsed (" + problem.substring(colon + 2).lines().findFirst().orElse("") + ")",
                            "correct the syntax; until then no rule can check this file");
                })
                .toList();
    }
}
