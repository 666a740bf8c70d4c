package org.acme.e2e.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checker found when it compared the final state with what the acknowledged commands
 * imply. Each finding is counted under one heading and described, so a failing scenario says what
 * broke and where.
 */
final class Verdict {

    enum Finding {
        /** An acknowledged command, or a committed event, whose effect never arrived. */
        LOST,
        /** An event applied more than once: a second reaction, a second order, twice the stock. */
        APPLIED_TWICE,
        /** A command answered with an error (or refused) whose effect exists anyway. */
        FAILED_BUT_APPLIED,
        /** Events of one aggregate reached the broker out of their order. */
        OUT_OF_ORDER,
        /** Messages waiting in a dead-letter queue. */
        DEAD_LETTERED,
        /** Messages still to be consumed, rows still to be published: not drained yet. */
        IN_FLIGHT
    }

    private final List<String> lost = new ArrayList<>();
    private final List<String> appliedTwice = new ArrayList<>();
    private final List<String> failedButApplied = new ArrayList<>();
    private final List<String> outOfOrder = new ArrayList<>();
    private long deadLettered;
    private long inFlight;

    void add(Finding finding, String what) {
        switch (finding) {
            case LOST -> lost.add(what);
            case APPLIED_TWICE -> appliedTwice.add(what);
            case FAILED_BUT_APPLIED -> failedButApplied.add(what);
            case OUT_OF_ORDER -> outOfOrder.add(what);
            default -> throw new IllegalArgumentException("count " + finding + " with addCount");
        }
    }

    void addCount(Finding finding, long count) {
        if (finding == Finding.DEAD_LETTERED) {
            deadLettered += count;
        } else if (finding == Finding.IN_FLIGHT) {
            inFlight += count;
        } else {
            throw new IllegalArgumentException("describe each " + finding + " with add");
        }
    }

    long lost() {
        return lost.size();
    }

    long appliedTwice() {
        return appliedTwice.size();
    }

    long failedButApplied() {
        return failedButApplied.size();
    }

    long outOfOrder() {
        return outOfOrder.size();
    }

    long deadLettered() {
        return deadLettered;
    }

    /** Nothing lost, doubled, misapplied or reordered, and nothing left to deliver. */
    boolean settled(long expectedDeadLetters) {
        return lost.isEmpty() && appliedTwice.isEmpty() && failedButApplied.isEmpty() && outOfOrder.isEmpty()
                && inFlight == 0 && deadLettered == expectedDeadLetters;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("lost ").append(lost.size()).append(", applied twice ").append(appliedTwice.size())
                .append(", failed but applied ").append(failedButApplied.size()).append(", out of order ")
                .append(outOfOrder.size()).append(", dead-lettered ").append(deadLettered).append(", in flight ")
                .append(inFlight);
        describe(text, "lost", lost);
        describe(text, "applied twice", appliedTwice);
        describe(text, "failed but applied", failedButApplied);
        describe(text, "out of order", outOfOrder);
        return text.toString();
    }

    private static void describe(StringBuilder text, String heading, List<String> findings) {
        findings.stream().limit(10).forEach(finding -> text.append("\n  ").append(heading).append(": ").append(finding));
        if (findings.size() > 10) {
            text.append("\n  ... and ").append(findings.size() - 10).append(" more ").append(heading);
        }
    }
}
