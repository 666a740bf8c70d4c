package org.acme.contracts.sources;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code Subscriber} implementation says about itself in the source.
 *
 * @param contractWritten    the class named in {@code contract()}, as written ({@code ProductAdded.class}
 *                           gives {@code ProductAdded}); empty when the method returns something else
 * @param contractCandidates the fully qualified names it may stand for, most likely first
 * @param versions           the literal numbers of {@code versions()}, when it is a plain {@code Set.of(...)}
 */
public record SubscriberDeclaration(String contractWritten, List<String> contractCandidates, Optional<Set<Integer>> versions) {

    public SubscriberDeclaration {
        contractCandidates = List.copyOf(contractCandidates);
    }
}
