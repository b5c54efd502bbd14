package se.region.governance.docs.domain;

/** Who took a decision. A committee (nämnd) also names itself in {@code Decision.committee}. */
public enum DecisionBody {
    REGIONFULLMAKTIGE, REGIONSTYRELSEN, COMMITTEE, REGIONAL_DIRECTOR, DEPARTMENT;

    /** Political bodies whose overarching documents are reviewed at the start of each mandate period. */
    public boolean reviewsByMandatePeriod() {
        return this == REGIONFULLMAKTIGE || this == REGIONSTYRELSEN;
    }
}
