package se.region.governance.docs.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A relation to another registered document. An element of the document's {@code relations} list,
 * stored in its row as {@code {"kind": …, "documentId": …}}.
 */
public class Relation {

    public RelationKind kind;

    public UUID documentId;

    protected Relation() {
    }

    public Relation(RelationKind kind, UUID documentId) {
        this.kind = kind;
        this.documentId = documentId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relation r && kind == r.kind && Objects.equals(documentId, r.documentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, documentId);
    }

    @Override
    public String toString() {
        return kind + ":" + documentId;
    }
}
