package org.acme.contracts.sources;

import java.util.List;

/**
 * What the main sources of every module declare and instantiate, as far as the published language is
 * concerned.
 *
 * @param unreadable files JavaParser could not parse, with the reason: a rule cannot vouch for them
 */
public record SourceFacts(List<DeclaredType> types, List<Instantiation> instantiations, List<String> unreadable) {

    public SourceFacts {
        types = List.copyOf(types);
        instantiations = List.copyOf(instantiations);
        unreadable = List.copyOf(unreadable);
    }
}
