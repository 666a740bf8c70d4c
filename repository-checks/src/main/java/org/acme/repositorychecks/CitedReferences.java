package org.acme.repositorychecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what the docs, the code's comments and the configuration cite that does not exist: a path
 * (a Markdown link, or a path that starts at the top of the repository), a decision record by its
 * number, or a Java type named in a Markdown code span or a Javadoc {@code @link}.
 */
final class CitedReferences {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern URL = Pattern.compile("[a-z][a-z+.-]*://[^\\s)`'\"<>]*");
    private static final Pattern PATH_LIKE = Pattern.compile("[A-Za-z0-9_./<>*{}$@-]*/[A-Za-z0-9_./<>*{}$@-]*");
    private static final Pattern DECISION = Pattern.compile(
            "(?i)\\b(?:decisions?|superseded by|amended by|amends|supersedes)\\s+\\[?(\\d{4})\\b");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern TYPE_NAME = Pattern.compile("([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:[.#][A-Za-z0-9_]+(?:\\(\\))?)*");
    private static final Pattern JAVADOC_LINK = Pattern.compile("\\{@link(?:plain)?\\s+([A-Z][A-Za-z0-9_]*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?[\\w.]*?\\.([A-Z]\\w*)(?:\\.\\w+)*;");
    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```");

    private final Repository repository;
    private final Set<String> topLevel;

    private CitedReferences(Repository repository) {
        this.repository = repository;
        this.topLevel = repository.topLevelEntries();
    }

    static List<BrokenReference> in(Repository repository) {
        CitedReferences check = new CitedReferences(repository);
        List<BrokenReference> broken = new ArrayList<>();
        for (Path file : repository.files()) {
            broken.addAll(check.brokenIn(file));
        }
        broken.sort(java.util.Comparator.comparing(BrokenReference::file).thenComparingInt(BrokenReference::line));
        return broken;
    }

    private List<BrokenReference> brokenIn(Path file) {
        String source = Repository.read(file);
        String fileName = file.getFileName().toString();
        List<BrokenReference> broken = new ArrayList<>();
        if (fileName.endsWith(".java")) {
            String comments = JavaComments.commentsOnly(source);
            paths(file, comments, broken);
            decisions(file, comments, broken);
            Set<String> imported = imported(source);
            types(file, comments, JAVADOC_LINK, imported::contains, broken);
        } else if (fileName.endsWith(".md")) {
            markdownLinks(file, source, broken);
            paths(file, source, broken);
            decisions(file, source, broken);
            types(file, outsideFences(source), CODE_SPAN, type -> false, broken);
        } else {
            paths(file, source, broken);
            decisions(file, source, broken);
        }
        return broken;
    }

    private void markdownLinks(Path file, String source, List<BrokenReference> broken) {
        Matcher link = MARKDOWN_LINK.matcher(source);
        while (link.find()) {
            String target = link.group(1).replaceFirst("#.*", "");
            if (target.isEmpty() || URL.matcher(target).lookingAt() || target.startsWith("mailto:")) {
                continue;
            }
            if (!Repository.exists(file.getParent(), target)) {
                broken.add(reference(file, source, link.start(1), link.group(1), "no such file, relative to the document"));
            }
        }
    }

    /** A path that starts at the top of the repository (or at ./ or ../) must lead somewhere. */
    private void paths(Path file, String source, List<BrokenReference> broken) {
        String withoutUrls = blankOut(source, URL);
        Matcher candidate = PATH_LIKE.matcher(withoutUrls);
        while (candidate.find()) {
            String path = candidate.group().replaceAll("[.]+$", "");
            boolean imageOrLine = candidate.end() < withoutUrls.length() && withoutUrls.charAt(candidate.end()) == ':'
                    && candidate.end() + 1 < withoutUrls.length() && !Character.isWhitespace(withoutUrls.charAt(candidate.end() + 1));
            if (imageOrLine || !citesRepositoryPath(path)) {
                continue;
            }
            Path root = repository.root();
            Path module = root.resolve(root.relativize(file).getName(0));
            if (!Repository.exists(root, path) && !Repository.exists(file.getParent(), path) && !Repository.exists(module, path)) {
                broken.add(reference(file, source, candidate.start(), path, "no such file or directory"));
            }
        }
    }

    private boolean citesRepositoryPath(String path) {
        // A template (<publisher>, *, ${...}), an absolute path, or build output that exists only after a build.
        if (path.matches(".*[<>*{}$@].*") || path.startsWith("/") || ("/" + path + "/").contains("/target/")) {
            return false;
        }
        String first = path.replaceFirst("^(\\.\\.?/)+", "").split("/")[0];
        return path.startsWith("./") || path.startsWith("../") || topLevel.contains(first) && !first.isEmpty();
    }

    private void decisions(Path file, String source, List<BrokenReference> broken) {
        Matcher decision = DECISION.matcher(source);
        while (decision.find()) {
            if (!repository.hasDecision(decision.group(1))) {
                broken.add(reference(file, source, decision.start(1), decision.group(), "no decision record with that number"));
            }
        }
    }

    private void types(Path file, String source, Pattern citation, Predicate<String> knownHere, List<BrokenReference> broken) {
        Matcher cited = citation.matcher(source);
        while (cited.find()) {
            Matcher type = TYPE_NAME.matcher(cited.group(1));
            if (!type.matches()) {
                continue;
            }
            String simpleName = type.group(1);
            if (!repository.declaresType(simpleName) && !knownHere.test(simpleName) && !ExternalTypes.NAMES.contains(simpleName)) {
                broken.add(reference(file, source, cited.start(1), cited.group(1),
                        "no type of that name in the repository, nor among the external types it names"));
            }
        }
    }

    private static Set<String> imported(String source) {
        Matcher matcher = IMPORT.matcher(source);
        Set<String> names = new java.util.HashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Markdown with its fenced code blocks blanked out: a code example declares what it names. */
    private static String outsideFences(String source) {
        StringBuilder kept = new StringBuilder(source.length());
        boolean inFence = false;
        for (String line : source.split("\n", -1)) {
            boolean fence = FENCE.matcher(line).lookingAt();
            kept.append(inFence || fence ? line.replaceAll(".", " ") : line).append('\n');
            if (fence) {
                inFence = !inFence;
            }
        }
        return kept.substring(0, source.length());
    }

    private static String blankOut(String source, Pattern pattern) {
        return pattern.matcher(source).replaceAll(match -> " ".repeat(match.group().length()));
    }

    private BrokenReference reference(Path file, String source, int offset, String cited, String why) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return new BrokenReference(repository.root().relativize(file), line, cited, why);
    }
}
