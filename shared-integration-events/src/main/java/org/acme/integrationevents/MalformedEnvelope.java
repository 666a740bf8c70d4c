package org.acme.integrationevents;

/** A message that cannot be read as an integration event; the message says why. */
public class MalformedEnvelope extends Exception {

    public MalformedEnvelope(String reason) {
        super(reason);
    }
}
