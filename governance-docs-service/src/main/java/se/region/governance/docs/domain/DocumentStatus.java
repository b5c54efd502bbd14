package se.region.governance.docs.domain;

/** Lifecycle status of a governing document. */
public enum DocumentStatus {
    DRAFT, IN_CONSULTATION, ADOPTED, UNDER_REVIEW, REPEALED, REPLACED
}
