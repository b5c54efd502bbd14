package se.region.governance.plans.application;

/** Topic and CloudEvents types of action-plan-service (design.md, "Events"; docs/events.md). */
public final class PlanEvents {
    public static final String TOPIC = "actionplan.plans";

    public static final String PLAN_CREATED = "actionplan.plan.created";
    public static final String PLAN_UPDATED = "actionplan.plan.updated";
    public static final String MEASURE_CREATED = "actionplan.measure.created";
    public static final String MEASURE_UPDATED = "actionplan.measure.updated";
    public static final String MEASURE_STATUS_CHANGED = "actionplan.measure.status-changed";
    public static final String MEASURE_UPDATE_OVERDUE = "actionplan.measure.update-overdue";
    public static final String MEASURE_DUE_SOON = "actionplan.measure.due-soon";
    public static final String PROGRESS_REPORTED = "actionplan.progress.reported";
    public static final String COLLABORATION_RECORDED = "actionplan.collaboration.recorded";

    private PlanEvents() {
    }
}
