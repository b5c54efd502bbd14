package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;
import java.util.UUID;

/** A relation to another registered document. */
@Embeddable
public class Relation {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public RelationKind kind;

    @Column(name = "target_id", nullable = false)
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
