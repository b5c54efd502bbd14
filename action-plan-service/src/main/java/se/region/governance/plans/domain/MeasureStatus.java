package se.region.governance.plans.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a measure and the transitions the plan allows. A blocked measure resumes or is
 * cancelled; a done measure may be reopened; a cancelled one is final.
 */
public enum MeasureStatus {
    PLANNED, IN_PROGRESS, BLOCKED, DONE, CANCELLED;

    public Set<MeasureStatus> allowedNext() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, BLOCKED, DONE, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(BLOCKED, DONE, CANCELLED);
            case BLOCKED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case DONE -> EnumSet.of(IN_PROGRESS);
            case CANCELLED -> EnumSet.noneOf(MeasureStatus.class);
        };
    }

    /** Staying in the same status is always allowed (an update that only reports progress). */
    public boolean canMoveTo(MeasureStatus next) {
        return next == this || allowedNext().contains(next);
    }

    /** Open measures are followed up: reminders, overdue lists. */
    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS || this == BLOCKED;
    }
}
