package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.FieldChange;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.plans.application.Commands.CollaborationData;
import se.region.governance.plans.application.Commands.UpdateData;
import se.region.governance.plans.application.Views.CollaborationView;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.application.Views.UpdateView;
import se.region.governance.plans.application.Views.Written;
import se.region.governance.plans.domain.Collaboration;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.Plan;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.domain.ProgressUpdate;
import se.region.governance.plans.infrastructure.CollaborationRepository;
import se.region.governance.plans.infrastructure.PlanRepository;
import se.region.governance.plans.infrastructure.UpdateRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Progress updates (the only way status and progress change) and collaboration records. */
@ApplicationScoped
public class ProgressService {

    @Inject
    MeasureService measureService;
    @Inject
    PlanRepository plans;
    @Inject
    UpdateRepository updates;
    @Inject
    CollaborationRepository collaborations;
    @Inject
    MeasureViews views;
    @Inject
    PlanChanges changes;
    @Inject
    PlanAccess access;
    @Inject
    Clock clock;

    /**
     * Records an update; if it is the latest by date, it sets the measure's status (allowed
     * transitions only) and progress. Emits progress.reported, and status-changed when the status moved.
     *
     * @return the update, and the measure's new version (its ETag)
     */
    @Transactional
    public Written<UpdateView> report(UUID planId, UUID measureId, String ifMatch, UpdateData data) {
        // The measure's row lock serialises updates of one measure (the latest-by-date rule, its version).
        // The plan's row lock, which orders the plan's change feed and makes the roll-up consistent, is
        // taken last, so it is held only for the few statements before the commit and updates of
        // different measures of one plan do not queue behind each other's work.
        Measure m = measureService.findForUpdate(planId, measureId);
        EntityTags.check(ifMatch, m.version);
        access.requireUnit(m.responsibleUnit, "measures");
        ProgressRollup.Node previous = node(m);
        MeasureStatus previousStatus = m.status;
        MeasureStatus status = data.status() == null ? m.status : data.status();
        int progress = data.progress() == null ? m.progress : data.progress();
        boolean applied = m.report(data.date(), status, progress);
        if (applied) {
            m.updatedAt = now();
        }

        ProgressUpdate u = new ProgressUpdate();
        u.id = UUID.randomUUID();
        u.planId = planId;
        u.measureId = measureId;
        u.date = data.date();
        u.author = data.author() == null ? access.actor().name() : data.author();
        u.authorSub = access.actor().sub();
        u.status = status;
        u.progress = progress;
        u.text = data.text();
        u.obstacles = data.obstacles();
        u.nextSteps = data.nextSteps();
        u.example = data.example();
        u.recordedAt = now();
        updates.persist(u);
        updates.flush();

        ProgressRollup rolledUp = measureService.lockPlanAndRollUp(planId);
        ProgressRollup before = rolledUp.with(previous);
        MeasureView after = views.views(List.of(m), rolledUp).get(0);
        UpdateView view = UpdateView.of(u);
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("planId", planId);
        reported.put("measureId", measureId);
        reported.put("update", view);
        reported.put("measure", after);
        reported.put("applied", applied);
        changes.record(planId, PlanEvents.PROGRESS_REPORTED, u.id, reported, access.actor());
        if (previousStatus != after.status()) {
            changes.record(planId, PlanEvents.MEASURE_STATUS_CHANGED, measureId, MeasureService.data(after,
                    List.of(new FieldChange("status", previousStatus, after.status()))), access.actor());
        }
        measureService.recordRollup(planId, before, rolledUp, measureId);
        return new Written<>(view, m.version);
    }

    private static ProgressRollup.Node node(Measure m) {
        return new ProgressRollup.Node(m.id, m.parentId, m.progress, m.weight, m.status);
    }

    @Transactional
    public PageResponse<UpdateView> updates(UUID planId, UUID measureId, int page, int size) {
        measureService.find(planId, measureId);
        return new PageResponse<>(updates.page(measureId, page, size).stream().map(UpdateView::of).toList(), page, size,
                updates.countOf(measureId));
    }

    @Transactional
    public UpdateView update(UUID planId, UUID measureId, UUID updateId) {
        ProgressUpdate u = updates.findById(updateId);
        if (u == null || !u.measureId.equals(measureId) || !u.planId.equals(planId)) {
            throw DomainException.notFound("Update", updateId);
        }
        return UpdateView.of(u);
    }

    /** A collaboration for a measure ({@code measureId} given) or for the whole plan. */
    @Transactional
    public Written<CollaborationView> collaborate(UUID planId, UUID measureId, CollaborationData data) {
        Plan plan = measureService.lockPlan(planId);
        long version;
        if (measureId != null) {
            Measure m = measureService.find(planId, measureId);
            access.requireUnit(m.responsibleUnit, "measures");
            version = m.version;
        } else {
            access.requireUnit(plan.ownerUnit, "plans");
            version = plan.version;
        }
        Collaboration c = new Collaboration();
        c.id = UUID.randomUUID();
        c.planId = planId;
        c.measureId = measureId;
        c.date = data.date();
        c.parties = new ArrayList<>(data.parties());
        c.form = data.form();
        c.outcome = data.outcome();
        c.recordedBy = access.actor().name();
        c.recordedAt = now();
        collaborations.persist(c);
        collaborations.flush();
        CollaborationView view = CollaborationView.of(c);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("planId", planId);
        recorded.put("measureId", measureId);
        recorded.put("collaboration", view);
        changes.record(planId, PlanEvents.COLLABORATION_RECORDED, c.id, recorded, access.actor());
        return new Written<>(view, version);
    }

    @Transactional
    public PageResponse<CollaborationView> collaborations(UUID planId, UUID measureId, int page, int size) {
        if (measureId != null) {
            measureService.find(planId, measureId);
            return new PageResponse<>(collaborations.ofMeasure(measureId, page, size).stream()
                    .map(CollaborationView::of).toList(), page, size, collaborations.countOfMeasure(measureId));
        }
        if (!plans.exists(planId)) {
            throw DomainException.notFound("Plan", planId);
        }
        return new PageResponse<>(collaborations.ofPlan(planId, page, size).stream().map(CollaborationView::of).toList(),
                page, size, collaborations.countOfPlan(planId));
    }

    @Transactional
    public CollaborationView collaboration(UUID planId, UUID collaborationId) {
        Collaboration c = collaborations.findById(collaborationId);
        if (c == null || !c.planId.equals(planId)) {
            throw DomainException.notFound("Collaboration", collaborationId);
        }
        return CollaborationView.of(c);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
