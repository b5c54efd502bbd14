package se.region.governance.plans.domain;

/** How employees and unions took part (samverkan): a collaboration group, MBL negotiation, dialogue, workshop. */
public enum CollaborationForm {
    SAMVERKANSGRUPP, MBL_NEGOTIATION, DIALOGUE, WORKSHOP, INFORMATION, OTHER
}
