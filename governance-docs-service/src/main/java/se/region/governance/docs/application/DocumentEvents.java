package se.region.governance.docs.application;

/** Topic and CloudEvents types of governance-docs-service (design.md, "Events"). */
public final class DocumentEvents {
    public static final String TOPIC = "governance.documents";
    public static final String CREATED = "governance.document.created";

    private DocumentEvents() {
    }
}
