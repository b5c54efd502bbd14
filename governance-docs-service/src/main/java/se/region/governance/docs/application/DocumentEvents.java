package se.region.governance.docs.application;

import java.util.List;

/** Topic and CloudEvents types of governance-docs-service (design.md, "Events"; docs/events.md). */
public final class DocumentEvents {
    public static final String TOPIC = "governance.documents";

    public static final String CREATED = "governance.document.created";
    public static final String UPDATED = "governance.document.updated";
    public static final String CONSULTATION_OPENED = "governance.document.consultation-opened";
    public static final String CONSULTATION_RESPONSE_RECORDED = "governance.document.consultation-response-recorded";
    public static final String CONSULTATION_CLOSED = "governance.document.consultation-closed";
    public static final String ADOPTED = "governance.document.adopted";
    public static final String REVIEW_STARTED = "governance.document.review-started";
    public static final String REPEALED = "governance.document.repealed";
    public static final String REPLACED = "governance.document.replaced";

    public static final List<String> ALL = List.of(CREATED, UPDATED, CONSULTATION_OPENED, CONSULTATION_RESPONSE_RECORDED,
            CONSULTATION_CLOSED, ADOPTED, REVIEW_STARTED, REPEALED, REPLACED);

    private DocumentEvents() {
    }
}
