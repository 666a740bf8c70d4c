package org.acme.contracts.sources;

/**
 * What a {@code @Contract} says in the source. A version that is not a literal number reads as 0,
 * which no manifest entry can match, so it is reported rather than guessed.
 */
public record ContractAnnotation(String type, int version, boolean rejected) {
}
