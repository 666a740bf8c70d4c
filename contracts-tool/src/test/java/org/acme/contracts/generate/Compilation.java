package org.acme.contracts.generate;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac against this module's test classpath, as a service would. */
final class Compilation {

    private Compilation() {
    }

    /** javac's complaints, empty when the sources compile. */
    static String errorsOf(List<Path> sources, Path output, List<Path> extraClasspath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        extraClasspath.forEach(entry -> classpath.add(entry.toString()));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "--release", "17", "-Xlint:none",
                "-classpath", String.join(File.pathSeparator, classpath), "-d", output.toString()));
        sources.forEach(source -> arguments.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        return exit == 0 ? "" : errors.toString(StandardCharsets.UTF_8);
    }

    /** The jars kept off the test classpath for compiling generated tests (quarkus-junit): see the pom. */
    static List<Path> skeletonTestClasspath() {
        Path directory = Path.of(System.getProperty("contracts.skeleton-test-classpath", "target/skeleton-test-classpath"));
        try (Stream<Path> jars = Files.list(directory)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + directory + ": run the build (mvn test), which copies quarkus-junit there", e);
        }
    }
}
