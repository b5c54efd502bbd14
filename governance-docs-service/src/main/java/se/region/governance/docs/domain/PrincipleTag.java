package se.region.governance.docs.domain;

import java.util.Objects;

/**
 * A trust principle the document expresses, with the passage that expresses it. An element of the
 * document's {@code principles} list, stored in its row as {@code {"principle": …, "passage": …}}.
 */
public class PrincipleTag {

    public Principle principle;

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
