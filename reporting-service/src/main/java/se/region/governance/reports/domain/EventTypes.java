package se.region.governance.reports.domain;

/** The topics and event types this service consumes and produces (design.md, docs/events.md). */
public final class EventTypes {
    public static final String DOCUMENTS_TOPIC = "governance.documents";
    public static final String PLANS_TOPIC = "actionplan.plans";
    public static final String REPORTS_TOPIC = "reporting.reports";

    /** The producer of each consumed topic, as its events' {@code source}; any other source is refused. */
    public static final String DOCUMENTS_SOURCE = "/governance-docs-service";
    public static final String PLANS_SOURCE = "/action-plan-service";

    public static final String DOCUMENT_CREATED = "governance.document.created";
    public static final String DOCUMENT_UPDATED = "governance.document.updated";
    public static final String CONSULTATION_OPENED = "governance.document.consultation-opened";
    public static final String CONSULTATION_RESPONSE = "governance.document.consultation-response-recorded";
    public static final String CONSULTATION_CLOSED = "governance.document.consultation-closed";
    public static final String ADOPTED = "governance.document.adopted";
    public static final String REVIEW_STARTED = "governance.document.review-started";
    public static final String REPEALED = "governance.document.repealed";
    public static final String REPLACED = "governance.document.replaced";

    public static final String PLAN_CREATED = "actionplan.plan.created";
    public static final String PLAN_UPDATED = "actionplan.plan.updated";
    public static final String MEASURE_CREATED = "actionplan.measure.created";
    public static final String MEASURE_UPDATED = "actionplan.measure.updated";
    public static final String MEASURE_STATUS_CHANGED = "actionplan.measure.status-changed";
    public static final String MEASURE_UPDATE_OVERDUE = "actionplan.measure.update-overdue";
    public static final String MEASURE_DUE_SOON = "actionplan.measure.due-soon";
    public static final String PROGRESS_REPORTED = "actionplan.progress.reported";
    public static final String COLLABORATION_RECORDED = "actionplan.collaboration.recorded";

    public static final String REPORT_COMPILED = "reporting.report.compiled";
    public static final String REPORT_FINALIZED = "reporting.report.finalized";

    private EventTypes() {
    }

    public static boolean isCreation(String type) {
        return type.endsWith(".created");
    }
}
