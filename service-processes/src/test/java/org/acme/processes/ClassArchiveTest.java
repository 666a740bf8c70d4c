package org.acme.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which archive file a JVM reads: one per installation, and one more per set of -XX: options. */
class ClassArchiveTest {

    private static final Path APPLICATION = Path.of("target/quarkus-app");

    @Test
    void aJvmWithXxOptionsOfItsOwn_readsAnArchiveOfItsOwn() {
        ServiceProcess.Jvm plain = ServiceProcess.Jvm.THIS;
        ServiceProcess.Jvm withoutCompactHeaders = new ServiceProcess.Jvm(plain.home(), List.of("-XX:-UseCompactObjectHeaders"));

        assertThat(ClassArchive.of(withoutCompactHeaders, APPLICATION).file())
                .isNotEqualTo(ClassArchive.of(plain, APPLICATION).file());
    }

    @Test
    void optionsThatAreNotXxFlags_shareTheJvmsArchive() {
        ServiceProcess.Jvm plain = ServiceProcess.Jvm.THIS;
        ServiceProcess.Jvm loggingClassLoads = new ServiceProcess.Jvm(plain.home(), List.of("-Xlog:class+load=info"));

        assertThat(ClassArchive.of(loggingClassLoads, APPLICATION).file()).isEqualTo(ClassArchive.of(plain, APPLICATION).file());
    }
}
