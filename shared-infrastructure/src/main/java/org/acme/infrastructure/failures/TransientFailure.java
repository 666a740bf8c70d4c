package org.acme.infrastructure.failures;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Set;
import org.acme.infrastructure.eventstore.ConcurrencyConflict;

/**
 * Tells a failure that will pass by itself (the database is restarting, a connection dropped,
 * another transaction won a race) from one that will not (a bug, a message that cannot be read).
 * A transient failure is retried in place, as long as it lasts, and answered 503 over HTTP; it is
 * never a reason to dead-letter a message.
 */
public final class TransientFailure {

    /** PostgreSQL's SQLSTATEs for a server that is going away, overloaded, or lost a race. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, in recovery)
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "25P03"); // idle_in_transaction_session_timeout

    private TransientFailure() {
    }

    /** Whether anything in the cause chain (or among the causes of a composite) is a failure that passes by itself. */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (passes(cause)) {
                return true;
            }
            if (cause instanceof CompositeException composite && composite.getCauses().stream().anyMatch(TransientFailure::is)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passes(Throwable cause) {
        return cause instanceof ConcurrencyConflict
                || cause instanceof ConnectException
                || cause instanceof SocketException
                || cause instanceof SocketTimeoutException
                || cause instanceof EOFException
                || cause instanceof ClosedConnectionException
                || cause instanceof PgException pg && transientState(pg.getSqlState())
                || cause instanceof SQLException sql && transientState(sql.getSQLState())
                // The reactive pool's refusal: no connection could be had in time.
                || cause instanceof NoStackTraceThrowable && "Timeout".equals(cause.getMessage());
    }

    private static boolean transientState(String state) {
        return state != null
                && (state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || TRANSIENT_STATES.contains(state));
    }
}
