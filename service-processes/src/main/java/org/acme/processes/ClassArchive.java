package org.acme.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's class-data archive for one JVM (decision 0022): the classes a start of the service
 * loaded, parsed and verified (on Java 24 and later also linked), recorded by a training start and
 * mapped by every later one. Java 17 records it at exit ({@code -XX:ArchiveClassesAtExit}) and reads
 * it with {@code -XX:SharedArchiveFile}; Java 24 and later use the AOT cache ({@code
 * -XX:AOTCacheOutput}, {@code -XX:AOTCache}). It belongs to the JVM that recorded it, hence one per
 * Java installation, and to the jars it was recorded from: older than the service's jar, it is stale.
 */
record ClassArchive(Path file, boolean aotCache) {

    /**
     * The archive {@code jvm} reads for the service packaged in {@code applicationDirectory}. A JVM
     * given {@code -XX:} options of its own (a benchmark's variant) has an archive of its own: some
     * change what an archive must match (an archive recorded with compact object headers is refused
     * without them), and a refused archive is dropped without a word.
     */
    static ClassArchive of(ServiceProcess.Jvm jvm, Path applicationDirectory) {
        boolean aotCache = jvm.featureVersion() >= 24;
        String flags = String.join(" ", jvm.options().stream().filter(option -> option.startsWith("-XX:")).toList());
        String name = "class-archive-" + jvm.home().getFileName() + (flags.isEmpty() ? "" : "-" + Integer.toHexString(flags.hashCode()))
                + (aotCache ? ".aot" : ".jsa");
        return new ClassArchive(applicationDirectory.resolve(name).toAbsolutePath(), aotCache);
    }

    /** Recorded after the jar was built (a build writes the jar again: the archive no longer matches). */
    boolean isFreshFor(Path jar) throws IOException {
        return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    String readingOption() {
        return (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + file;
    }

    String recordingOption() {
        return (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + file;
    }
}
