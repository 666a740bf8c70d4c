package org.acme.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.acme.processes.ServiceProcess;

/**
 * Another commit of this repository, checked out beside it (a git worktree) and built, so that a
 * change is measured against it in the same run, on the same machine, not against old figures. It
 * is built and run on the Java it was written for (its {@code maven.compiler.release}): a version from
 * before decision 0028 on a JDK 17 beside this one, as its own scripts ran it.
 */
final class Baseline implements AutoCloseable {

    private final Path repository;
    private final Path worktree;
    private final String commit;
    private final ServiceProcess.Jvm jvm;

    private Baseline(Path repository, Path worktree, String commit, ServiceProcess.Jvm jvm) {
        this.repository = repository;
        this.worktree = worktree;
        this.commit = commit;
        this.jvm = jvm;
    }

    /** Checks {@code ref} out as the {@code number}th baseline of this run, and builds it. */
    static Baseline checkOut(Path repository, String ref, int number) throws Exception {
        Path worktree = repository.resolve("benchmarks/target/baseline-" + number);
        run(repository, List.of("git", "worktree", "remove", "--force", worktree.toString()), true);
        run(repository, List.of("git", "worktree", "prune"), true);
        run(repository, List.of("git", "worktree", "add", "--detach", worktree.toString(), ref), false);
        String commit = output(worktree, List.of("git", "rev-parse", "--short", "HEAD")).strip();
        ServiceProcess.Jvm jvm = jvmWrittenFor(worktree);
        System.out.println("[benchmark] building the baseline " + ref + " (" + commit + ") in " + worktree + " on " + jvm.home());
        // With the class-data archive its build made, as its own scripts ran it (a version from
        // before decision 0022); a later one records its own, as this version does.
        run(worktree, List.of(repository.resolve("mvnw").toString(), "-q", "-B", "package", "-DskipTests",
                "-Dquarkus.package.jar.appcds.enabled=true", "-pl", "catalog-service,orders-service,inventory-service", "-am"),
                Map.of("JAVA_HOME", jvm.home().toString()), false);
        return new Baseline(repository, worktree, commit, jvm);
    }

    /**
     * The JDK whose feature version is the worktree's {@code maven.compiler.release}: this one, or a
     * JDK beside it (in the same folder). None there: this one, said aloud.
     */
    private static ServiceProcess.Jvm jvmWrittenFor(Path worktree) throws IOException {
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(worktree.resolve("pom.xml")));
        if (!release.find() || Integer.parseInt(release.group(1)) == ServiceProcess.Jvm.THIS.featureVersion()) {
            return ServiceProcess.Jvm.THIS;
        }
        int wanted = Integer.parseInt(release.group(1));
        try (Stream<Path> installed = Files.list(ServiceProcess.Jvm.THIS.home().getParent())) {
            return installed.filter(home -> Files.isExecutable(home.resolve("bin/javac")) && !Files.isSymbolicLink(home))
                    .sorted()
                    .map(home -> new ServiceProcess.Jvm(home, List.of()))
                    .filter(jvm -> jvm.featureVersion() == wanted)
                    .findFirst()
                    .orElseGet(() -> {
                        System.out.println("[benchmark] no JDK " + wanted + " beside " + ServiceProcess.Jvm.THIS.home()
                                + ": the baseline runs on this one");
                        return ServiceProcess.Jvm.THIS;
                    });
        }
    }

    Path repository() {
        return worktree;
    }

    String commit() {
        return commit;
    }

    /** What it runs with: its JVM, nothing else. */
    Deployment.Instruments instruments() {
        return new Deployment.Instruments(false, false, Map.of(), jvm);
    }

    private static void run(Path directory, List<String> command, boolean tolerateFailure) throws Exception {
        run(directory, command, Map.of(), tolerateFailure);
    }

    private static void run(Path directory, List<String> command, Map<String, String> environment, boolean tolerateFailure)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        builder.environment().putAll(environment);
        Process process = builder.start();
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
