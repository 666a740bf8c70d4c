package org.acme.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another commit of this repository, checked out beside it (a git worktree) and built, so that a
 * change is measured against it in the same run, on the same machine, not against old figures.
 */
final class Baseline implements AutoCloseable {

    private final Path repository;
    private final Path worktree;
    private final String commit;

    private Baseline(Path repository, Path worktree, String commit) {
        this.repository = repository;
        this.worktree = worktree;
        this.commit = commit;
    }

    static Baseline checkOut(Path repository, String ref) throws Exception {
        Path worktree = repository.resolve("benchmarks/target/baseline");
        run(repository, List.of("git", "worktree", "remove", "--force", worktree.toString()), true);
        run(repository, List.of("git", "worktree", "prune"), true);
        run(repository, List.of("git", "worktree", "add", "--detach", worktree.toString(), ref), false);
        String commit = output(worktree, List.of("git", "rev-parse", "--short", "HEAD")).strip();
        System.out.println("[benchmark] building the baseline " + ref + " (" + commit + ") in " + worktree);
        // With the class-data archive its build made, as its own scripts ran it (a version from
        // before decision 0022); a later one records its own, as this version does.
        run(worktree, List.of(repository.resolve("mvnw").toString(), "-q", "-B", "package", "-DskipTests",
                "-Dquarkus.package.jar.appcds.enabled=true", "-pl", "catalog-service,orders-service,inventory-service", "-am"), false);
        return new Baseline(repository, worktree, commit);
    }

    Path repository() {
        return worktree;
    }

    String commit() {
        return commit;
    }

    private static void run(Path directory, List<String> command, boolean tolerateFailure) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (!process.waitFor(20, TimeUnit.MINUTES) || (process.exitValue() != 0 && !tolerateFailure)) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + directory);
        }
    }

    static String output(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(worktree)) {
            run(repository, List.of("git", "worktree", "remove", "--force", worktree.toString()), true);
        }
    }
}
