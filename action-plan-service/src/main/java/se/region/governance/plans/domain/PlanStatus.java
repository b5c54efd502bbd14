package se.region.governance.plans.domain;

import java.util.EnumSet;
import java.util.Set;

/** Status of a plan: active while followed up; completed (may be reopened) or cancelled. */
public enum PlanStatus {
    ACTIVE, COMPLETED, CANCELLED;

    public Set<PlanStatus> allowedNext() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED -> EnumSet.of(ACTIVE);
            case CANCELLED -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    public boolean canMoveTo(PlanStatus next) {
        return next == this || allowedNext().contains(next);
    }
}
