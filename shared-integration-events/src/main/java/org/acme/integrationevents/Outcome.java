package org.acme.integrationevents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an envelope carries an accepted fact or a rejected command. */
public enum Outcome {
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("rejected") REJECTED
}
