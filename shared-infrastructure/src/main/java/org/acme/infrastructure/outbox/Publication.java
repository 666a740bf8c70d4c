package org.acme.infrastructure.outbox;

import java.util.List;
import java.util.Map;

/**
 * What became of a batch the relay sent: the rows the broker confirmed and routed (to be marked),
 * the rows it returned as unroutable (its topology was lost: sent again once declared again), and
 * the rows no broker could ever take (to be parked with their reason, so they block nothing).
 */
record Publication(List<Long> confirmed, List<Long> returned, Map<Long, String> unpublishable) {

    Publication {
        confirmed = List.copyOf(confirmed);
        returned = List.copyOf(returned);
        unpublishable = Map.copyOf(unpublishable);
    }
}
