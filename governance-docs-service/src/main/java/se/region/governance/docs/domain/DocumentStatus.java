package se.region.governance.docs.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle status of a governing document and the transitions the register allows:
 * draft → consultation (remiss) → adopted → under review → adopted again, or repealed / replaced.
 */
public enum DocumentStatus {
    DRAFT, IN_CONSULTATION, ADOPTED, UNDER_REVIEW, REPEALED, REPLACED;

    public Set<DocumentStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_CONSULTATION, ADOPTED);
            case IN_CONSULTATION -> EnumSet.of(ADOPTED, DRAFT);
            case ADOPTED -> EnumSet.of(UNDER_REVIEW, REPEALED, REPLACED);
            case UNDER_REVIEW -> EnumSet.of(IN_CONSULTATION, ADOPTED, REPEALED);
            case REPEALED, REPLACED -> EnumSet.noneOf(DocumentStatus.class);
        };
    }

    public boolean canMoveTo(DocumentStatus next) {
        return allowedNext().contains(next);
    }

    /** Due-for-review planning applies to documents in force. */
    public boolean inForce() {
        return this == ADOPTED || this == UNDER_REVIEW;
    }
}
