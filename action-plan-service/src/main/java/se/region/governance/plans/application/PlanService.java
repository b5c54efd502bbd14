package se.region.governance.plans.application;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.FieldChange;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.plans.application.Commands.PlanData;
import se.region.governance.plans.application.Commands.PlanQuery;
import se.region.governance.plans.application.Views.PlanView;
import se.region.governance.plans.domain.Decision;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.Plan;
import se.region.governance.plans.infrastructure.MeasureRepository;
import se.region.governance.plans.infrastructure.PlanRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Use cases of plans themselves: create, edit, read, list. */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;
    @Inject
    MeasureRepository measures;
    @Inject
    MeasureViews measureViews;
    @Inject
    PlanChanges changes;
    @Inject
    PlanAccess access;
    @Inject
    Clock clock;

    @Transactional
    public PlanView create(PlanData data) {
        access.requireUnit(data.ownerUnit(), "plans");
        Plan p = Plan.create(UUID.randomUUID(), data.title(), data.ownerUnit(), now());
        apply(p, data, false);
        plans.persist(p);
        plans.flush();
        PlanView view = PlanView.of(p);
        changes.record(p.id, PlanEvents.PLAN_CREATED, p.id, data(view, FieldChange.between(null, view.trackedFields())),
                access.actor());
        return view;
    }

    @Transactional
    public PlanView patch(UUID id, String ifMatch, PlanData data) {
        Plan p = plans.findForUpdate(id).orElseThrow(() -> DomainException.notFound("Plan", id));
        EntityTags.require(ifMatch, p.version);
        access.requireUnit(p.ownerUnit, "plans");
        if (data.ownerUnit() != null) {
            access.requireUnit(data.ownerUnit(), "plans");
        }
        PlanView before = PlanView.of(p);
        apply(p, data, true);
        List<FieldChange> changed = FieldChange.between(before.trackedFields(), PlanView.of(p).trackedFields());
        if (!changed.isEmpty()) {
            p.updatedAt = now();
        }
        plans.flush();
        PlanView after = PlanView.of(p);
        if (!changed.isEmpty()) {
            changes.record(p.id, PlanEvents.PLAN_UPDATED, p.id, data(after, changed), access.actor());
        }
        return after;
    }

    @Transactional
    public PlanView get(UUID id) {
        Plan p = find(id);
        List<Measure> list = new ArrayList<>(measures.ofPlan(id));
        list.sort((a, b) -> MeasureViews.CODE_ORDER.compare(a.code, b.code));
        return PlanView.of(p).withMeasures(measureViews.views(list, measureViews.rollup(id)));
    }

    @Transactional
    public PageResponse<PlanView> list(PlanQuery q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q.title() != null && !q.title().isBlank()) {
            where.append(" and lower(title) = lower(:title)");
            params.and("title", q.title().trim());
        }
        if (q.diaryNumber() != null && !q.diaryNumber().isBlank()) {
            where.append(" and lower(decision.diaryNumber) = lower(:dnr)");
            params.and("dnr", q.diaryNumber().trim());
        }
        if (q.ownerUnit() != null && !q.ownerUnit().isBlank()) {
            where.append(" and ownerUnit = :unit");
            params.and("unit", q.ownerUnit().trim());
        }
        var query = plans.find(where + " order by createdAt, id", params);
        long total = query.count();
        List<PlanView> items = query.page(Page.of(q.page(), q.size())).list().stream().map(PlanView::of).toList();
        return new PageResponse<>(items, q.page(), q.size(), total);
    }

    Plan find(UUID id) {
        Plan p = plans.findById(id);
        if (p == null) {
            throw DomainException.notFound("Plan", id);
        }
        return p;
    }

    private void apply(Plan p, PlanData data, boolean partial) {
        if (!partial || data.title() != null) {
            p.title = data.title();
        }
        if (!partial || data.description() != null) {
            p.description = data.description();
        }
        if (!partial || data.ownerUnit() != null) {
            p.ownerUnit = data.ownerUnit();
        }
        if (!partial || data.decision() != null) {
            p.decision = data.decision() == null ? null : new Decision(data.decision().body(), data.decision().date(),
                    data.decision().paragraph(), data.decision().diaryNumber());
        }
        if (!partial || data.periodFrom() != null) {
            p.periodFrom = data.periodFrom();
        }
        if (!partial || data.periodTo() != null) {
            p.periodTo = data.periodTo();
        }
        if (p.periodFrom != null && p.periodTo != null && p.periodTo.isBefore(p.periodFrom)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "invalid-period", "Invalid period",
                    "periodTo " + p.periodTo + " is before periodFrom " + p.periodFrom);
        }
        if (data.status() != null) {
            p.moveTo(data.status());
        }
    }

    private static Map<String, Object> data(PlanView view, List<FieldChange> changed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planId", view.id());
        m.put("plan", view);
        m.put("changes", changed);
        return m;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
