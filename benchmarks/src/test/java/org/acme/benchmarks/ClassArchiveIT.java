package org.acme.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acme.processes.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Decision 0022: a training start records each service's class-data archive, and a later start
 * takes nearly all its classes from it. A class path recorded one way and read another, an archive
 * older than its jar, or classes out of the archive's reach (a class loader of its own) would show
 * here as classes parsed from the jars again: the JVM drops an archive it cannot use without a word.
 */
class ClassArchiveIT {

    @Test
    void aTrainingStartRecordsTheArchives_thatLaterStartsTakeTheirClassesFrom() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        Path logs = repository.resolve("benchmarks/target/logs-class-archive");
        Files.createDirectories(logs);

        Deployment.recordClassArchives(repository, logs.resolve("training"), Deployment.Instruments.NONE);
        for (String service : Deployment.SERVICES) {
            assertThat(ServiceProcess.hasFreshClassArchive(repository, service, ServiceProcess.Jvm.THIS)).as(service).isTrue();
        }

        ServiceProcess.Jvm loggingClassLoads = new ServiceProcess.Jvm(ServiceProcess.Jvm.THIS.home(),
                List.of("-Xlog:class+load=info:file=" + logs.resolve("class-loads-%p.log")));
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Deployment system = Deployment.start(repository, logs, new Deployment.Instruments(false, false, Map.of(), loggingClassLoads))) {
            for (String service : Deployment.SERVICES) {
                pids.put(service, system.pid(service));
            }
        }
        for (Map.Entry<String, Long> service : pids.entrySet()) {
            List<String> loads = Files.readAllLines(logs.resolve("class-loads-" + service.getValue() + ".log"));
            long fromTheArchive = loads.stream().filter(line -> line.contains("source: shared objects file")).count();
            assertThat(loads).as(service.getKey()).hasSizeGreaterThan(5_000);
            assertThat(fromTheArchive).as(service.getKey() + ": classes taken from the archive, of " + loads.size())
                    .isGreaterThan(loads.size() * 9L / 10);
        }
    }
}
