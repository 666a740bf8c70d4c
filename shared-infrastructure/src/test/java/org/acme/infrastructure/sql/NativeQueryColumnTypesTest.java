package org.acme.infrastructure.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.acme.infrastructure.testing.Reactive;
import org.junit.jupiter.api.Test;

/**
 * Hibernate resolves a native select's column types from what the reactive client reports, and
 * the client names a {@code uuid} column's type {@code UUID}, which Hibernate's PostgreSQL dialect
 * does not recognise: it makes an ad-hoc type for it and tries to register that with the boot-time
 * context, gone once the service has started, and swallows the exception it gets, stack trace
 * filled, on every execution (decision 0024). {@link Sql} no longer runs its selects as Hibernate's
 * native queries (decision 0025): a uuid column costs it nothing. The exceptions are counted with
 * Java Flight Recorder, which records every exception made.
 */
@QuarkusTest
class NativeQueryColumnTypesTest {

    private static final UUID ID = UUID.fromString("6f1c0d1e-8a43-4c2b-9a36-2f1d5e7b9c10");

    @Inject
    Sql sql;

    @Test
    void sqlsSelects_costNoException_whateverTheirColumns() throws IOException {
        List<String> thrown = exceptionsMadeBy(() -> Reactive.inSession(() -> sql.query(
                "SELECT CAST(? AS uuid), CAST(? AS bigint), CAST(? AS integer), CAST(? AS text), 'literal'",
                ID, 7L, 3, "text")));

        assertThat(thrown).as("exceptions Hibernate made resolving the columns' types").isEmpty();
    }

    @Test
    void theFlawIsStillThere_hibernatesNativeSelectOfAUuidColumnCostsAnExceptionOnEveryExecution() throws IOException {
        // What Sql goes around: when this fails, Hibernate recognises the client's uuid columns.
        List<String> thrown = exceptionsMadeBy(() -> {
            Reactive.inSession(() -> hibernateNativeSelect("SELECT CAST(? AS uuid)", ID));
            return Reactive.inSession(() -> hibernateNativeSelect("SELECT CAST(? AS uuid)", ID));
        });

        assertThat(thrown).as("exceptions Hibernate made resolving a uuid column, twice")
                .containsExactly("org.hibernate.HibernateException", "org.hibernate.HibernateException");
    }

    private static Uni<List<Object>> hibernateNativeSelect(String select, Object parameter) {
        return Panache.getSession().chain(session -> session.createNativeQuery(select).setParameter(1, parameter).getResultList());
    }
    /** The classes of the exceptions made in Hibernate's type registry while {@code work} ran. */
    private static List<String> exceptionsMadeBy(Supplier<?> work) throws IOException {
        Path file = Files.createTempFile("exceptions", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.start();
            work.get();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(NativeQueryColumnTypesTest::madeInTheTypeRegistry)
                    .map(event -> event.getClass("thrownClass").getName())
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean madeInTheTypeRegistry(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(frame -> frame.getMethod().getType().getName().equals("org.hibernate.type.BasicTypeRegistry"));
    }
}
