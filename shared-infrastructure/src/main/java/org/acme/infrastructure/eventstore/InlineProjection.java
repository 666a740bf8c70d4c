package org.acme.infrastructure.eventstore;

import io.smallrye.mutiny.Uni;

/**
 * A read model kept in step with the event store inside the appending transaction: a read right
 * after a command sees it, and a read model never shows a state the store does not have. The event
 * store applies each event appended to a stream of the projection's type, one after the other.
 */
public interface InlineProjection {

    /** The type of the streams this read model follows ({@code Product}, {@code Order}, ...). */
    String streamType();

    /** Applies one event just appended, with the version it got, on the appending session. */
    Uni<?> apply(StoredEvent<?> stored);
}
