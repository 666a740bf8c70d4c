package org.acme.infrastructure.outbox;

/** The broker could not take or confirm a batch; its rows stay unpublished and are retried. */
class BrokerUnavailable extends Exception {

    BrokerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
