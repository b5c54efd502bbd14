package se.region.governance.docs.domain;

/** A consultation respondent's position. */
public enum ResponsePosition {
    SUPPORTS, OBJECTS, COMMENTS
}
