package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.time.RegionTime;
import se.region.governance.plans.application.Views.ChangeItem;
import se.region.governance.plans.application.Views.ChangePage;
import se.region.governance.plans.application.Views.OverdueMeasure;
import se.region.governance.plans.application.Views.PlanStatusSummary;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.PlanChange;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.infrastructure.MeasureRepository;
import se.region.governance.plans.infrastructure.PlanChangeRepository;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What other regional systems pull: the plan's status summary and its ordered change feed. */
@ApplicationScoped
public class PlanStatusService {

    @Inject
    PlanChangeRepository changes;
    @Inject
    MeasureRepository measures;
    @Inject
    RegionTime region;

    /**
     * The summary's strong entity tag without building it: the summary is a function of the plan's
     * changes (up to the latest seq) and of the day (the overdue list), so both name its version.
     */
    @Transactional
    public String statusTag(UUID planId) {
        PlanChangeRepository.Latest latest = changes.latest(planId)
                .orElseThrow(() -> DomainException.notFound("Plan", planId));
        return tag(latest.seq(), region.today());
    }

    /** The summary and its tag, read in one transaction (so the tag is the summary's). */
    @Transactional
    public Tagged<PlanStatusSummary> summary(UUID planId) {
        PlanChangeRepository.Latest latest = changes.latest(planId)
                .orElseThrow(() -> DomainException.notFound("Plan", planId));
        LocalDate today = region.today();
        PlanFigures figures = figures(measures.nodesOf(planId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("total", figures.total());
        figures.byStatus().forEach((s, n) -> counts.put(s.name(), n));
        List<OverdueMeasure> overdue = measures.overdue(planId, today).stream().filter(m -> m.isOverdue(today))
                .sorted((a, b) -> a.dueDate.equals(b.dueDate) ? MeasureViews.CODE_ORDER.compare(a.code, b.code)
                        : a.dueDate.compareTo(b.dueDate))
                .map(m -> new OverdueMeasure(m.id, m.code, m.title, m.dueDate, m.status)).toList();
        PlanStatusSummary summary = new PlanStatusSummary(planId, today, figures.overallProgress(), counts, overdue, latest.at());
        return new Tagged<>(summary, tag(latest.seq(), today));
    }

    /** Changes after the cursor in commit order; past the newest, no items and the same cursor. */
    @Transactional
    public ChangePage changes(UUID planId, String after, int limit) {
        long from = ChangeCursor.decode(after);
        if (changes.latest(planId).isEmpty()) {
            throw DomainException.notFound("Plan", planId);
        }
        List<PlanChange> page = changes.after(planId, from, limit);
        List<ChangeItem> items = page.stream().map(c -> new ChangeItem(c.seq, c.at, c.type, c.entityId, c.data)).toList();
        String next = page.isEmpty() ? (after == null || after.isBlank() ? ChangeCursor.encode(from) : after.trim())
                : ChangeCursor.encode(page.get(page.size() - 1).seq);
        return new ChangePage(items, next);
    }

    /** The audit trail: every change with who made it, oldest first. */
    @Transactional
    public se.region.governance.commons.http.PageResponse<Views.AuditItem> history(UUID planId, int page, int size) {
        if (changes.latest(planId).isEmpty()) {
            throw DomainException.notFound("Plan", planId);
        }
        List<Views.AuditItem> items = changes.find("planId = ?1 order by seq", planId)
                .page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(c -> new Views.AuditItem(c.seq, c.at, c.type, c.entityId, c.actorSub, c.actorName, c.data))
                .toList();
        return new se.region.governance.commons.http.PageResponse<>(items, page, size, changes.count("planId", planId));
    }

    public record Tagged<T>(T value, String tag) {
    }

    /** The plan's measure counts by status (sub-measures included) and its overall progress. */
    public record PlanFigures(int total, Map<MeasureStatus, Integer> byStatus, int overallProgress) {
    }

    /**
     * The figures of a plan from the roll-up's view of its measures: one computation for the status summary and
     * the public plan, so the two never disagree.
     */
    public static PlanFigures figures(List<ProgressRollup.Node> all) {
        Map<MeasureStatus, Integer> byStatus = new EnumMap<>(MeasureStatus.class);
        for (MeasureStatus s : MeasureStatus.values()) {
            byStatus.put(s, (int) all.stream().filter(m -> m.status() == s).count());
        }
        return new PlanFigures(all.size(), byStatus, new ProgressRollup(all).overall());
    }

    static String tag(long seq, LocalDate day) {
        return "s" + seq + "-" + day;
    }


}
