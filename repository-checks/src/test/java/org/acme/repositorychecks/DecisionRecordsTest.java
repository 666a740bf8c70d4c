package org.acme.repositorychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRecordsTest {

    @TempDir
    Path planted;

    @Test
    void theRepositorysDecisionsEachHaveATrueStatus_shownAsInTheArchitecture() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

        assertThat(DecisionRecords.problems(root)).isEmpty();
    }

    @Test
    void aStatusThatIsMissing_unanswered_orShownOtherwise_isReported() throws IOException {
        write("docs/decisions/0001-first.md", "# 0001 — First\n\nStatus: superseded by [0002](0002-second.md). Why.\n");
        write("docs/decisions/0002-second.md", "# 0002 — Second\n\nStatus: accepted. Amends 0003.\n");
        write("docs/decisions/0003-third.md", "# 0003 — Third\n\n## Context\nNo status.\n");
        write("docs/architecture.md", """
                | | decision | status |
                |---|---|---|
                | [0001](decisions/0001-first.md) | First | superseded by 0002 |
                | [0002](decisions/0002-second.md) | Second | superseded by 0003 |
                """);

        assertThat(DecisionRecords.problems(planted)).containsExactlyInAnyOrder(
                "0001 says 'superseded by 0002', but the status of 0002 does not say 'supersedes 0001'",
                "0002 says 'amends 0003', but the status of 0003 does not say 'amended by 0002'",
                "0003: the record opens with no status line of the form 'Status: accepted', 'Status: accepted, amended by NNNN'"
                        + " or 'Status: superseded by NNNN' (found: '## Context No status')",
                "0002: docs/architecture.md shows its status as 'superseded by 0003', the record as 'accepted'",
                "0003: docs/architecture.md shows its status as 'null', the record as '## Context No status'");
    }

    private void write(String path, String content) throws IOException {
        Path file = planted.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
