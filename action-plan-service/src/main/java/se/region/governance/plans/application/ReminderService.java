package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.plans.config.RemindersConfig;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.domain.ReminderRule;
import se.region.governance.plans.infrastructure.MeasureRepository;
import se.region.governance.plans.infrastructure.PlanRepository;
import se.region.governance.plans.infrastructure.ReminderLedger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reminders as events: update-overdue and due-soon for open measures, each at most once per
 * measure and period (the ledger's unique key). One transaction per plan, holding the plan's lock
 * like every other write, so reminders take their place in the change feed.
 */
@ApplicationScoped
public class ReminderService {

    @Inject
    MeasureRepository measures;
    @Inject
    PlanRepository plans;
    @Inject
    ReminderLedger ledger;
    @Inject
    MeasureViews views;
    @Inject
    PlanChanges changes;
    @Inject
    RemindersConfig config;
    @Inject
    Clock clock;

    /** Sends what is due for the plan as of {@code today}; returns how many reminders went out. */
    @Transactional
    public int remindPlan(UUID planId, LocalDate today) {
        if (plans.findForUpdate(planId).isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Period overdueAfter = config.updateOverdueAfter();
        Period window = config.dueSoonWithin();
        ProgressRollup rollup = null;
        int sent = 0;
        for (Measure m : measures.openOf(planId)) {
            LocalDate since = m.lastUpdateOn != null ? m.lastUpdateOn
                    : m.startDate != null && m.startDate.isAfter(m.createdAt.toLocalDate()) ? m.startDate
                    : m.createdAt.toLocalDate();
            Optional<String> overdueKey = ReminderRule.updateOverdueKey(m.status, since, today, overdueAfter);
            Optional<String> dueKey = ReminderRule.dueSoonKey(m.status, m.dueDate, today, window);
            boolean overdue = overdueKey.isPresent()
                    && ledger.firstTime(m.id, ReminderRule.UPDATE_OVERDUE, overdueKey.get(), now);
            boolean dueSoon = dueKey.isPresent() && ledger.firstTime(m.id, ReminderRule.DUE_SOON, dueKey.get(), now);
            if (!overdue && !dueSoon) {
                continue;
            }
            rollup = rollup == null ? views.rollup(planId) : rollup;
            Views.MeasureView view = views.views(List.of(m), rollup).get(0);
            if (overdue) {
                Map<String, Object> data = base(view);
                data.put("lastUpdateOn", m.lastUpdateOn);
                data.put("period", overdueAfter.toString());
                data.put("since", since);
                changes.record(planId, PlanEvents.MEASURE_UPDATE_OVERDUE, m.id, data, Actor.SCHEDULER);
                sent++;
            }
            if (dueSoon) {
                Map<String, Object> data = base(view);
                data.put("dueDate", m.dueDate);
                data.put("within", window.toString());
                changes.record(planId, PlanEvents.MEASURE_DUE_SOON, m.id, data, Actor.SCHEDULER);
                sent++;
            }
        }
        return sent;
    }

    /** The plans that have open measures. */
    @Transactional
    public List<UUID> plansWithOpenMeasures() {
        return measures.open().stream().map(m -> m.planId).distinct().toList();
    }

    private static Map<String, Object> base(Views.MeasureView view) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", view.planId());
        data.put("measureId", view.id());
        data.put("measure", view);
        return data;
    }
}
