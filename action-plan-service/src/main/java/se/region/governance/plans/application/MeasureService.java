package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.FieldChange;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.plans.application.Commands.MeasureData;
import se.region.governance.plans.application.Commands.MeasureQuery;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.Plan;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.infrastructure.MeasureRepository;
import se.region.governance.plans.infrastructure.PlanRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Use cases of measures: create, edit (not status or progress: those change through updates), read, list. */
@ApplicationScoped
public class MeasureService {

    @Inject
    PlanRepository plans;
    @Inject
    MeasureRepository measures;
    @Inject
    MeasureViews views;
    @Inject
    PlanChanges changes;
    @Inject
    PlanAccess access;
    @Inject
    Clock clock;

    @Transactional
    public MeasureView create(UUID planId, MeasureData data) {
        Plan plan = lockPlan(planId);
        access.requireUnit(data.responsibleUnit(), "measures");
        access.requirePlace(data.parentId() == null ? null : parentIn(planId, data.parentId()), plan,
                "add a measure to");
        ProgressRollup before = views.rollup(planId);
        if (measures.codeTaken(planId, data.code(), null)) {
            throw duplicateCode(data.code());
        }
        Measure m = Measure.create(UUID.randomUUID(), planId, data.code(), data.title(), data.responsibleUnit(), now());
        apply(m, data, false);
        if (data.status() != null) {
            m.moveTo(data.status());
        }
        if (data.progress() != null) {
            m.progress = data.progress();
        }
        measures.persist(m);
        measures.flush();
        MeasureView view = views.view(m);
        changes.record(planId, PlanEvents.MEASURE_CREATED, m.id,
                data(view, FieldChange.between(null, view.trackedFields())), access.actor());
        recordRollup(planId, before, m.id);
        return view;
    }

    @Transactional
    public MeasureView patch(UUID planId, UUID id, String ifMatch, MeasureData data) {
        Measure m = findForUpdate(planId, id); // measure first, then plan: the order every writer keeps
        Plan plan = lockPlan(planId);
        EntityTags.require(ifMatch, m.version);
        if (data.status() != null || data.progress() != null) {
            throw new DomainException(DomainException.Kind.INVALID, "status-through-updates",
                    "Status and progress change through progress updates",
                    "Report status and progress with POST /api/v1/plans/" + planId + "/measures/" + id
                            + "/updates, so the measure's history is its list of updates",
                    Map.of("errors", List.of(new Problem.FieldError(data.status() != null ? "status" : "progress",
                            "changes through progress updates"))));
        }
        requirePatchAccess(plan, m, data);
        if (data.code() != null && measures.codeTaken(planId, data.code(), id)) {
            throw duplicateCode(data.code());
        }
        ProgressRollup before = views.rollup(planId);
        MeasureView previous = views.view(m);
        apply(m, data, true);
        List<FieldChange> changed = FieldChange.between(previous.trackedFields(), views.view(m).trackedFields());
        if (changed.isEmpty()) {
            return previous;
        }
        m.updatedAt = now();
        measures.flush();
        MeasureView after = views.view(m);
        changed = FieldChange.between(previous.trackedFields(), after.trackedFields());
        changes.record(planId, PlanEvents.MEASURE_UPDATED, m.id, data(after, changed), access.actor());
        recordRollup(planId, before, m.id);
        if (previous.parentId() != null && !previous.parentId().equals(after.parentId())) {
            recordRollup(planId, before, previous.parentId());
        }
        return after;
    }

    @Transactional
    public MeasureView get(UUID planId, UUID id) {
        return views.view(find(planId, id));
    }

    @Transactional
    public PageResponse<MeasureView> list(UUID planId, MeasureQuery q) {
        if (!plans.exists(planId)) {
            throw DomainException.notFound("Plan", planId);
        }
        List<Measure> all = new ArrayList<>(measures.ofPlan(planId));
        List<Measure> matching = all.stream()
                .filter(m -> q.code() == null || m.code.equals(q.code()))
                .filter(m -> q.status() == null || m.status == q.status())
                .filter(m -> q.responsibleUnit() == null || m.responsibleUnit.equalsIgnoreCase(q.responsibleUnit()))
                .filter(m -> q.parentId() == null || q.parentId().equals(m.parentId))
                .sorted((a, b) -> MeasureViews.CODE_ORDER.compare(a.code, b.code))
                .toList();
        int from = (int) Math.min((long) q.page() * q.size(), matching.size());
        int to = Math.min(from + q.size(), matching.size());
        return new PageResponse<>(views.views(matching.subList(from, to), views.rollup(planId)), q.page(), q.size(),
                matching.size());
    }

    /**
     * Records {@code actionplan.measure.updated} for each ancestor of {@code measureId} whose
     * rolled-up progress differs from {@code before}: consumers see a parent move when a child does.
     */
    void recordRollup(UUID planId, ProgressRollup before, UUID measureId) {
        measures.flush();
        recordRollup(planId, before, views.rollup(planId), measureId);
    }

    /** As above, with the roll-up after the change already computed. */
    void recordRollup(UUID planId, ProgressRollup before, ProgressRollup after, UUID measureId) {
        List<UUID> chain = after.withAncestors(measureId);
        for (UUID ancestor : chain.subList(Math.min(1, chain.size()), chain.size())) {
            int old = before.progressOf(ancestor);
            int now = after.progressOf(ancestor);
            if (old != now) {
                Measure parent = measures.findById(ancestor);
                MeasureView view = views.views(List.of(parent), after).get(0);
                changes.record(planId, PlanEvents.MEASURE_UPDATED, ancestor,
                        data(view, List.of(new FieldChange("progress", old, now))), access.actor());
            }
        }
    }

    /** Locks the plan and answers the roll-up of its measures, as this transaction sees them (one round trip). */
    ProgressRollup lockPlanAndRollUp(UUID planId) {
        return new ProgressRollup(plans.lockWithRollupNodes(planId).orElseThrow(() -> DomainException.notFound("Plan", planId)));
    }

    Plan lockPlan(UUID planId) {
        return plans.findForUpdate(planId).orElseThrow(() -> DomainException.notFound("Plan", planId));
    }

    Measure find(UUID planId, UUID id) {
        return ofPlan(planId, id, measures.findById(id));
    }

    /**
     * The measure with its row locked. Lock order, kept by every writer so that two never wait on
     * each other: a measure's row before its plan's row.
     */
    Measure findForUpdate(UUID planId, UUID id) {
        return ofPlan(planId, id, measures.findForUpdate(id));
    }

    private static Measure ofPlan(UUID planId, UUID id, Measure m) {
        if (m == null || !m.planId.equals(planId)) {
            throw DomainException.notFound("Measure", id + " of plan " + planId);
        }
        return m;
    }

    static Map<String, Object> data(MeasureView view, List<FieldChange> changed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planId", view.planId());
        m.put("measureId", view.id());
        m.put("measure", view);
        m.put("changes", changed);
        return m;
    }

    private void apply(Measure m, MeasureData data, boolean partial) {
        if (!partial || data.code() != null) {
            m.code = data.code();
        }
        if (!partial || data.title() != null) {
            m.title = data.title();
        }
        if (!partial || data.description() != null) {
            m.description = data.description();
        }
        if (!partial || data.responsibleUnit() != null) {
            m.responsibleUnit = data.responsibleUnit();
        }
        if (!partial || data.responsiblePerson() != null) {
            m.responsiblePerson = data.responsiblePerson();
        }
        if (!partial || data.weight() != null) {
            m.weight = data.weight() == null ? 1 : data.weight();
        }
        if (!partial || data.startDate() != null) {
            m.startDate = data.startDate();
        }
        if (!partial || data.dueDate() != null) {
            m.dueDate = data.dueDate();
        }
        if (m.startDate != null && m.dueDate != null && m.dueDate.isBefore(m.startDate)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "invalid-dates", "Invalid dates",
                    "dueDate " + m.dueDate + " is before startDate " + m.startDate);
        }
        if (!partial || data.principles() != null) {
            m.principles = new ArrayList<>(new LinkedHashSet<>(data.principles() == null ? List.of() : data.principles()));
        }
        if (!partial || data.documentIds() != null) {
            List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(data.documentIds() == null ? List.of() : data.documentIds()));
            List<UUID> unknown = views.unknownDocuments(ids);
            if (!unknown.isEmpty()) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "unknown-document", "Unknown document",
                        "documentIds: " + unknown + " not in the register (as far as this service has heard)",
                        Map.of("unknownDocumentIds", unknown.stream().map(UUID::toString).toList()));
            }
            m.documentIds = ids;
        }
        if (!partial || data.parentId() != null || data.toTopLevel()) {
            setParent(m, data.parentId());
        }
    }

    /**
     * The object-level rules of a measure's PATCH ({@link PlanAccess}, rules 1 to 4), checked before
     * anything changes: own fields need the measure's unit, a move the units of both places, a new
     * weight the unit of the measure's place.
     */
    private void requirePatchAccess(Plan plan, Measure m, MeasureData data) {
        boolean moves = data.toTopLevel() ? m.parentId != null
                : data.parentId() != null && !data.parentId().equals(m.parentId);
        Measure from = m.parentId == null ? null : measures.findById(m.parentId);
        Measure to = data.toTopLevel() || data.parentId() == null ? null : parentIn(m.planId, data.parentId());
        boolean letsAChildGo = data.toTopLevel() && data.onlyMoves() && from != null
                && access.mayChange(from.responsibleUnit);
        if (!letsAChildGo) {
            access.requireUnit(m.responsibleUnit, "measures");
        }
        if (data.responsibleUnit() != null && !data.responsibleUnit().equals(m.responsibleUnit)) {
            access.requireUnit(data.responsibleUnit(), "measures");
        }
        if (moves) {
            access.requirePlace(from, plan, "take a measure out of");
            access.requirePlace(to, plan, "move a measure to");
        } else if (data.weight() != null && data.weight() != m.weight) {
            access.requirePlace(from, plan, "change the weight of a measure in");
        }
    }

    /** The measure {@code parentId} of the plan, or 422 when the plan has none such. */
    private Measure parentIn(UUID planId, UUID parentId) {
        Measure parent = measures.findById(parentId);
        if (parent == null || !parent.planId.equals(planId)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "unknown-parent", "Unknown parent measure",
                    "parentId: measure " + parentId + " is not a measure of this plan",
                    Map.of("errors", List.of(new Problem.FieldError("parentId", "is not a measure of this plan"))));
        }
        return parent;
    }

    private void setParent(Measure m, UUID parentId) {
        if (parentId == null) {
            m.parentId = null;
            return;
        }
        Measure parent = parentIn(m.planId, parentId);
        UUID cursor = parent.id;
        int depth = 0;
        while (cursor != null && depth++ < 1000) {
            if (cursor.equals(m.id)) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "parent-cycle", "Parent cycle",
                        "parentId: measure " + parentId + " is this measure or one of its sub-activities");
            }
            Measure up = measures.findById(cursor);
            cursor = up == null ? null : up.parentId;
        }
        m.parentId = parentId;
    }

    private static DomainException duplicateCode(String code) {
        return new DomainException(DomainException.Kind.CONFLICT, "duplicate-code", "Duplicate measure code",
                "The plan already has a measure with code " + code, Map.of("code", code));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
