package org.acme.repositorychecks;

import java.util.Set;

/**
 * Names the docs put in code spans that are not types of this repository: types of the JDK and the
 * libraries, HTTP header names, and names used as examples. A type-like name in the docs must be one
 * of the repository's own types or one of these, so that a misspelt or renamed class is caught; a
 * doc that names a new outside type adds it here.
 */
final class ExternalTypes {

    static final Set<String> NAMES = Set.of(
            // the JDK
            "String", "Integer", "Long", "BigDecimal", "Instant", "OutOfMemoryError", "Thread", "CompletableFuture",
            "ThreadPerTaskExecutor",
            // Quarkus, Mutiny, Vert.x, Hibernate, Jakarta Persistence, SmallRye Reactive Messaging
            "Uni", "Panache", "QuarkusTransaction", "VertxContextSupport", "JsonObject", "PgConnection",
            "PgSubscriber", "Mutiny", "LockModeType", "RabbitMQFailureHandler", "BackPressureFailure",
            "SelectInterpretationsKey", "ReactiveResultSetMapping", "ReactiveConnection", "MutinySessionImpl", "Infrastructure",
            // SmallRye JWT
            "JWTCallerPrincipalFactory",
            // HTTP header names
            "ETag", "Location",
            // examples: a suffix, a name the event-name rule corrects, an AsyncAPI message name
            "Event", "StockCount", "StockCounted", "ProductAddedV2");

    private ExternalTypes() {
    }
}
