package org.acme.repositorychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decision records as history a reader can trust: each opens with a status line ({@code Status:
 * accepted}, {@code accepted, amended by NNNN}, {@code superseded by NNNN}), the records on both ends
 * of a supersession or an amendment name each other, and the table of decisions in
 * {@code docs/architecture.md} shows each status as its record does.
 */
final class DecisionRecords {

    private static final Pattern FILE = Pattern.compile("(\\d{4})-.+\\.md");
    private static final Pattern LINK = Pattern.compile("\\[([^]]+)]\\([^)]*\\)");
    private static final Pattern SUMMARY = Pattern.compile(
            "accepted|accepted, amended by \\d{4}(?:(?:, | and )\\d{4})*|superseded by \\d{4}");
    private static final Pattern NUMBER = Pattern.compile("\\d{4}");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| \\[(\\d{4})]\\([^)]*\\) \\|[^|]*\\| ([^|]*?) \\|$");

    /** One record: its number and the paragraph that opens with its status. */
    private record Decision(String number, String status) {

        /** The status up to its first full stop: what the table of decisions shows. */
        String summary() {
            return status.replaceFirst("^Status: ", "").split("\\.(\\s|$)", 2)[0];
        }

        Set<String> named(String verb) {
            Matcher clause = Pattern.compile("(?i)" + verb + " ((?:\\d{4}(?:, | and |; )?)+)").matcher(status);
            Set<String> numbers = new java.util.TreeSet<>();
            while (clause.find()) {
                Matcher number = NUMBER.matcher(clause.group(1));
                while (number.find()) {
                    numbers.add(number.group());
                }
            }
            return numbers;
        }
    }

    private DecisionRecords() {
    }

    /** What is wrong with the decisions under {@code root}, one line each; empty when all hold. */
    static List<String> problems(Path root) {
        Map<String, Decision> decisions = read(root.resolve("docs/decisions"));
        List<String> problems = new ArrayList<>();
        decisions.values().forEach(decision -> {
            if (!SUMMARY.matcher(decision.summary()).matches()) {
                problems.add(decision.number() + ": the record opens with no status line of the form 'Status: accepted',"
                        + " 'Status: accepted, amended by NNNN' or 'Status: superseded by NNNN' (found: '" + decision.summary() + "')");
            }
            answered(decisions, decision, "superseded by", "supersedes", problems);
            answered(decisions, decision, "supersedes", "superseded by", problems);
            answered(decisions, decision, "amended by", "amends", problems);
            answered(decisions, decision, "amends", "amended by", problems);
        });
        Map<String, String> table = tableOfDecisions(root.resolve("docs/architecture.md"));
        decisions.values().forEach(decision -> {
            String shown = table.get(decision.number());
            if (!decision.summary().equals(shown)) {
                problems.add(decision.number() + ": docs/architecture.md shows its status as '" + shown + "', the record as '"
                        + decision.summary() + "'");
            }
        });
        return problems;
    }

    /** Each record that {@code decision} names under {@code verb} must name it back under {@code answer}. */
    private static void answered(Map<String, Decision> decisions, Decision decision, String verb, String answer, List<String> problems) {
        for (String other : decision.named(verb)) {
            Decision named = decisions.get(other);
            if (named == null) {
                problems.add(decision.number() + " is " + verb + " " + other + ", which does not exist");
            } else if (!named.named(answer).contains(decision.number())) {
                problems.add(decision.number() + " says '" + verb + " " + other + "', but the status of " + other
                        + " does not say '" + answer + " " + decision.number() + "'");
            }
        }
    }

    private static Map<String, Decision> read(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> new Decision(matcher.group(1), statusOf(directory.resolve(matcher.group()))))
                    .collect(Collectors.toMap(Decision::number, decision -> decision, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The first paragraph after the title, links reduced to their text. */
    private static String statusOf(Path record) {
        String[] paragraphs = Repository.read(record).split("\\n\\s*\\n");
        String status = paragraphs.length > 1 ? paragraphs[1] : "";
        return LINK.matcher(status).replaceAll("$1").replaceAll("\\s+", " ").strip();
    }

    private static Map<String, String> tableOfDecisions(Path architecture) {
        Map<String, String> rows = new TreeMap<>();
        if (Files.exists(architecture)) {
            Matcher row = TABLE_ROW.matcher(Repository.read(architecture));
            while (row.find()) {
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }
}
