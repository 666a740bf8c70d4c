package org.acme.contracts.sources;

import java.util.List;

/**
 * A {@code new X(...)} in a module's main sources: how a service brings an integration event into
 * being before it hands it to its outbox.
 *
 * @param candidates the fully qualified names {@code written} may stand for, most likely first
 */
public record Instantiation(String module, String file, int line, String written, List<String> candidates) {

    public Instantiation {
        candidates = List.copyOf(candidates);
    }
}
