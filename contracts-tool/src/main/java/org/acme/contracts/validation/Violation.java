package org.acme.contracts.validation;

import java.util.Comparator;

/**
 * One way the code and the manifest disagree with the rules of the published language.
 *
 * @param rule    a stable short name, to find the rule and its test
 * @param subject the file (or file:line) at fault, relative to the repository root
 * @param problem what is wrong, in the words of the domain
 * @param fix     what to do about it, as a command to run where there is one
 */
public record Violation(String rule, String subject, String problem, String fix) {

    public static final Comparator<Violation> ORDER = Comparator.comparing(Violation::rule)
            .thenComparing(Violation::subject).thenComparing(Violation::problem);

    public String message() {
        return subject + ": " + problem + ". Fix: " + fix + ".";
    }

    @Override
    public String toString() {
        return "[" + rule + "] " + message();
    }
}
