package org.acme.infrastructure.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Native SQL on the current Hibernate Reactive session's connection, so that it shares the
 * transaction of the command or subscriber running it: the event store, the outbox, the inbox, and
 * the read models kept with the events (decision 0021). The parameters are positional ({@code ?}).
 *
 * <p>The statements go to the session's {@link ReactiveConnection} itself, not through Hibernate's
 * native queries (decision 0025): those parse, plan, bind and map every execution again, and that was
 * a tenth of a service's CPU for statements whose text never changes and whose columns need no mapping.
 * Pending entity changes are flushed before an update: a native statement does not flush them itself,
 * and would run before them. A query does not flush: what it reads must have been written by native
 * statements.
 */
@ApplicationScoped
public class Sql {

    /** Runs an insert, update or delete and answers how many rows it changed. */
    public Uni<Integer> update(String sql, Object... parameters) {
        String statement = PositionalParameters.numbered(sql);
        return session().chain(session -> session.flush()
                .chain(() -> Uni.createFrom().completionStage(() -> connectionOf(session).update(statement, values(parameters)))));
    }

    /** Runs a select (or a statement with {@code RETURNING}) and answers its rows, each column as the reactive client reads it. */
    public Uni<List<SqlRow>> query(String sql, Object... parameters) {
        String statement = PositionalParameters.numbered(sql);
        // Handed on through an emitter, not as a Uni of the completion stage: such a Uni keeps its stage,
        // and so the rows, for as long as the stages after it run (a long replay's first page, to its end).
        return session().chain(session -> Uni.createFrom().emitter(rows -> connectionOf(session).select(statement, values(parameters))
                .whenComplete((result, failure) -> handOn(result, failure, rows))));
    }

    private static void handOn(ReactiveConnection.Result result, Throwable failure, UniEmitter<? super List<SqlRow>> emitter) {
        if (failure != null) {
            emitter.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            return;
        }
        List<SqlRow> rows;
        try {
            rows = rows(result);
        } catch (RuntimeException e) {
            emitter.fail(e);
            return;
        }
        emitter.complete(rows);
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /**
     * The connection the session holds, in its transaction. Hibernate Reactive offers it only on its
     * session's implementation class; a session of another class is a version this code was not
     * proven with, and fails loudly rather than running outside the transaction.
     */
    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl implementation) {
            return implementation.getReactiveConnection();
        }
        throw new IllegalStateException("a Hibernate Reactive session of an unexpected class: " + session.getClass().getName());
    }

    /** A fresh array (the connection writes into it), with what the reactive client cannot encode made into what it can. */
    private static Object[] values(Object[] parameters) {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : parameters[i];
        }
        return values;
    }

    private static List<SqlRow> rows(ReactiveConnection.Result result) {
        List<SqlRow> rows = new ArrayList<>(result.size());
        while (result.hasNext()) {
            rows.add(new SqlRow(result.next()));
        }
        return rows;
    }
}
