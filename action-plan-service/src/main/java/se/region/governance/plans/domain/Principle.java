package se.region.governance.plans.domain;

/** SKR's seven principles of trust-based governance. */
public enum Principle {
    TRUST, CITIZEN_FOCUS, HOLISTIC_VIEW, DISCRETION, SUPPORT, KNOWLEDGE, OPENNESS
}
