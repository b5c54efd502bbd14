package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** A trust principle the document expresses, with the passage that expresses it. */
@Embeddable
public class PrincipleTag {

    @Enumerated(EnumType.STRING)
    @Column(name = "principle", nullable = false)
    public Principle principle;

    @Column(name = "passage")
    public String passage;

    protected PrincipleTag() {
    }

    public PrincipleTag(Principle principle, String passage) {
        this.principle = principle;
        this.passage = passage;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrincipleTag t && principle == t.principle && Objects.equals(passage, t.passage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principle, passage);
    }

    @Override
    public String toString() {
        return principle + (passage == null ? "" : ": " + passage);
    }
}
