package org.acme.infrastructure.commands;

/**
 * An aggregate refused a command because of a business rule or its current state. It is an
 * expected outcome, not a bug: the slice publishes it as a {@code <Command>Rejected} integration
 * event and the HTTP API answers 409 or 422.
 */
public class CommandRejected extends RuntimeException {

    /** Why the command was refused, which decides the HTTP status. */
    public enum Kind {
        /** The aggregate is in a state that forbids the command (HTTP 409). */
        CONFLICTING_STATE,
        /** The command breaks a business rule whatever the state (HTTP 422). */
        BUSINESS_RULE
    }

    private final Kind kind;

    public CommandRejected(Kind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    public static CommandRejected becauseOfState(String reason) {
        return new CommandRejected(Kind.CONFLICTING_STATE, reason);
    }

    public static CommandRejected becauseOfRule(String reason) {
        return new CommandRejected(Kind.BUSINESS_RULE, reason);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
