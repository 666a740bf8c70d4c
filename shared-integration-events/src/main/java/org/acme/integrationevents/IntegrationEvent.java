package org.acme.integrationevents;

/**
 * A fact one bounded context publishes for others: the payload of an {@link Envelope}.
 *
 * <p>Every implementation is a record in the package of its publisher
 * ({@code org.acme.integrationevents.<publisher>}), carries a {@link Contract} with its stable wire
 * name and schema version, and is documented with its publisher, subscribers and version.
 */
public interface IntegrationEvent {
}
