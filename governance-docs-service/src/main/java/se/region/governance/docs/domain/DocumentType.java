package se.region.governance.docs.domain;

/** Kinds of governing document (Riktlinjer för politiska styrdokument, RS/1060/2018). */
public enum DocumentType {
    POLICY, PROGRAM, PLAN, STRATEGY, GUIDELINE, RULE, DELEGATION_ORDER, GOVERNANCE_MODEL
}
