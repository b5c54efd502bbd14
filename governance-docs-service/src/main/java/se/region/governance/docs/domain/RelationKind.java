package se.region.governance.docs.domain;

/** How one document relates to another. */
public enum RelationKind {
    REPLACES, BASED_ON, REFERENCES
}
