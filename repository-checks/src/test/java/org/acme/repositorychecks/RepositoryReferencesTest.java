package org.acme.repositorychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The docs, comments and configuration of this repository cite only what it holds. */
class RepositoryReferencesTest {

    @Test
    void everyPathTypeAndDecisionCitedExists() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

        assertThat(CitedReferences.in(Repository.at(root)))
                .as("cited in the repository but not in it (mend the citation, or the code if the doc is right)")
                .isEmpty();
    }
}
