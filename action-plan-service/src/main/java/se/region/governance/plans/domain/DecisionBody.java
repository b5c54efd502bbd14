package se.region.governance.plans.domain;

/** The body that decided (same codes as the document register). */
public enum DecisionBody {
    REGIONFULLMAKTIGE, REGIONSTYRELSEN, COMMITTEE, REGIONAL_DIRECTOR, DEPARTMENT
}
