package org.acme.orders.subscribers.catalog;

import org.acme.integrationevents.Envelope;

/** The catalog's version of the product an event is about, which orders the view's updates. */
final class CatalogVersion {

    private CatalogVersion() {
    }

    static long of(Envelope envelope) {
        Long version = envelope.metadata().aggregateVersion();
        return version == null ? 0 : version;
    }
}
