package org.acme.repositorychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A checkout as a reader meets it: the files people read (docs, sources, configuration, scripts),
 * the Java types its sources declare and the decision records it holds. Build output, VCS data and
 * local run state are not part of it.
 */
final class Repository {

    /** Directories that hold what a build or a local run made, never what someone wrote. */
    private static final Set<String> NOT_WRITTEN = Set.of("target", "node_modules", ".git", ".idea", ".vscode",
            ".run-local", ".local");
    private static final Set<String> READ_AS_TEXT = Set.of("md", "java", "properties", "sh", "py", "yaml", "yml",
            "sql", "xml", "options", "json", "conf");
    private static final Set<String> TEXT_WITHOUT_EXTENSION = Set.of("Dockerfile", "run", "contracts");
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("\\b(?:class|interface|record|enum|@interface)\\s+([A-Z][A-Za-z0-9_]*)");
    private static final Pattern DECISION_FILE = Pattern.compile("(\\d{4})-.+\\.md");

    private final Path root;
    private final List<Path> files;
    private final Set<String> types;
    private final Set<String> decisions;

    private Repository(Path root, List<Path> files) {
        this.root = root;
        this.files = files;
        this.types = files.stream()
                .filter(file -> file.toString().endsWith(".java"))
                .flatMap(file -> declaredTypes(read(file)))
                .collect(Collectors.toCollection(TreeSet::new));
        this.decisions = files.stream()
                .filter(file -> root.relativize(file).startsWith(Path.of("docs", "decisions")))
                .map(file -> DECISION_FILE.matcher(file.getFileName().toString()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Repository at(Path root) {
        Path normalized = root.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        try {
            // What a build made is never entered: a test reading the tree while the build writes its
            // reports there would meet files that vanish between being listed and being looked at.
            Files.walkFileTree(normalized, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return directory.equals(normalized) || written(normalized.relativize(directory))
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && written(normalized.relativize(file)) && readAsText(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + normalized, e);
        }
        Collections.sort(files);
        return new Repository(normalized, List.copyOf(files));
    }

    Path root() {
        return root;
    }

    /** The files people read, in a stable order. */
    List<Path> files() {
        return files;
    }

    boolean declaresType(String simpleName) {
        return types.contains(simpleName);
    }

    boolean hasDecision(String number) {
        return decisions.contains(number);
    }

    /** Names of the entries at the top of the checkout, hidden ones included: where a cited path starts. */
    Set<String> topLevelEntries() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> !NOT_WRITTEN.contains(name))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * Whether a path relative to {@code base} exists; a segment {@code ...} stands for any number of
     * directories, as docs abbreviate a deep path.
     */
    static boolean exists(Path base, String path) {
        String[] segments = path.split("/");
        return exists(base, Arrays.asList(segments));
    }

    private static boolean exists(Path base, List<String> segments) {
        if (segments.isEmpty()) {
            return Files.exists(base);
        }
        String first = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        if (first.isEmpty() || first.equals(".")) {
            return exists(base, rest);
        }
        if (!first.equals("...")) {
            return exists(base.resolve(first).normalize(), rest);
        }
        if (exists(base, rest)) {
            return true;
        }
        try (Stream<Path> below = Files.walk(base)) {
            return below.filter(Files::isDirectory).anyMatch(directory -> exists(directory, rest));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean written(Path relative) {
        for (Path segment : relative) {
            if (NOT_WRITTEN.contains(segment.toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean readAsText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return TEXT_WITHOUT_EXTENSION.contains(name) || dot > 0 && READ_AS_TEXT.contains(name.substring(dot + 1));
    }

    private static Stream<String> declaredTypes(String source) {
        Matcher matcher = TYPE_DECLARATION.matcher(JavaComments.withoutComments(source));
        Stream.Builder<String> names = Stream.builder();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names.build();
    }
}
