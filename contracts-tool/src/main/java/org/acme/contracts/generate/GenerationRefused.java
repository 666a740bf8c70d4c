package org.acme.contracts.generate;

/** A generator would write something wrong or overwrite something: the message says what to do instead. */
public class GenerationRefused extends RuntimeException {

    public GenerationRefused(String message) {
        super(message);
    }
}
