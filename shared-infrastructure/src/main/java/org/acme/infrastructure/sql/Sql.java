package org.acme.infrastructure.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL on the current Hibernate Reactive session, so that it shares the transaction of the
 * command or subscriber running it: the event store, the outbox, the inbox, and the read models
 * kept with the events (decision 0021). The parameters are positional ({@code ?}). Pending entity
 * changes are flushed before an update: a native statement does not flush them itself, and would run
 * before them. A query does not flush: what it reads must have been written by native statements.
 */
@ApplicationScoped
public class Sql {

    /** Runs an insert, update or delete and answers how many rows it changed. */
    public Uni<Integer> update(String sql, Object... parameters) {
        return session().chain(session -> session.flush()
                .chain(() -> bind(session.<Integer>createNativeQuery(sql), parameters).executeUpdate()));
    }

    public Uni<List<SqlRow>> query(String sql, Object... parameters) {
        return session().chain(session -> bind(session.createNativeQuery(sql), parameters).getResultList())
                .onItem().transform(rows -> rows.stream().map(SqlRow::of).toList());
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    private static <R> Mutiny.Query<R> bind(Mutiny.Query<R> query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
