package org.acme.repositorychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad references planted in a small repository are each reported, with file and line; good ones are not. */
class PlantedReferencesTest {

    @TempDir
    Path root;

    @Test
    void reportsEachCitationOfWhatIsNotThere() throws IOException {
        write("docs/decisions/0001-one-relay.md", "# 0001 — One relay\n\nStatus: superseded by 0002.\n");
        write("docs/architecture.md", "# Architecture\n");
        write("fixtures/src/main/java/org/acme/fixtures/ProxiedBroker.java", """
                package org.acme.fixtures;

                /** Cuts the broker away (docs/architecture.md); see docs/topology.md and {@link BrokerProxy}. */
                final class ProxiedBroker {
                    String data = "docs/not-a-citation.md";
                }
                """);
        write("README.md", """
                # A planted repository

                The design: [architecture](docs/architecture.md), [topology](docs/topology.md#exchanges).
                The relay leads alone (decision 0001), and holds its lock (decision 0099).
                Tests cut the broker with `ProxiedBroker`, not `BrokerProxy`; they run `scripts/test.sh`.
                Logs go to fixtures/target/logs; the image is docker/dockerfile:1.
                """);
        write("scripts/run.sh", "#!/bin/sh\n# Starts what fixtures/README.md describes.\n");

        assertThat(CitedReferences.in(Repository.at(root))).extracting(BrokenReference::toString).containsExactly(
                "README.md:3: docs/topology.md#exchanges (no such file, relative to the document)",
                "README.md:3: docs/topology.md (no such file or directory)",
                "README.md:4: decision 0099 (no decision record with that number)",
                "README.md:5: scripts/test.sh (no such file or directory)",
                "README.md:5: BrokerProxy (no type of that name in the repository, nor among the external types it names)",
                "docs/decisions/0001-one-relay.md:3: superseded by 0002 (no decision record with that number)",
                "fixtures/src/main/java/org/acme/fixtures/ProxiedBroker.java:3: docs/topology.md (no such file or directory)",
                "fixtures/src/main/java/org/acme/fixtures/ProxiedBroker.java:3: BrokerProxy (no type of that name in the repository,"
                        + " nor among the external types it names)",
                "scripts/run.sh:2: fixtures/README.md (no such file or directory)");
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
