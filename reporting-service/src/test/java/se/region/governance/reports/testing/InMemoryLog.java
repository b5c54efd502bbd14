package se.region.governance.reports.testing;

import se.region.governance.reports.domain.EffectiveDates;
import se.region.governance.reports.domain.LoggedEvent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The event log's rules without a database: effective dates, and creations moved back to their aggregate's first dated event. */
public final class InMemoryLog {

    /** The region's zone as the services count it by default. */
    private static final ZoneId REGION_ZONE = ZoneId.of("Europe/Stockholm");

    private final List<LoggedEvent> events = new ArrayList<>();
    private final Map<String, LocalDate> planDecisions = new HashMap<>();
    private final Map<String, List<String>> aggregatesOf = new HashMap<>();

    public InMemoryLog append(Section183.Event e) {
        boolean plans = "actionplan.plans".equals(e.topic());
        String planId = plans ? e.data().path("planId").asText(e.key()) : null;
        String entity = plans ? e.data().path("measureId").asText(planId) : e.data().path("document").path("id").asText(e.key());
        if (entity.isEmpty() || "null".equals(entity)) {
            entity = planId;
        }
        LocalDate effective = EffectiveDates.of(e.type(), e.data(), e.time(), REGION_ZONE, plans ? planDecisions.get(planId) : null);
        if (e.data().path("plan").path("decision").has("date")) {
            planDecisions.put(planId, LocalDate.parse(e.data().path("plan").path("decision").path("date").asText()));
        }
        List<String> aggregates = new ArrayList<>(List.of(entity));
        if (planId != null && !planId.equals(entity)) {
            aggregates.add(planId);
        }
        for (int i = 0; i < events.size(); i++) {
            LoggedEvent old = events.get(i);
            if (old.type().endsWith(".created") && aggregatesOf.get(old.id()).get(0) != null
                    && aggregates.contains(aggregatesOf.get(old.id()).get(0)) && old.effectiveDate().isAfter(effective)) {
                events.set(i, new LoggedEvent(old.seq(), old.id(), old.topic(), old.type(), old.subject(), old.time(), effective, old.data()));
            }
        }
        aggregatesOf.put(e.id(), List.of(entity));
        events.add(new LoggedEvent(events.size() + 1, e.id(), e.topic(), e.type(), e.key(), e.time(), effective, e.data()));
        return this;
    }

    public InMemoryLog appendAll(List<Section183.Event> all) {
        all.forEach(this::append);
        return this;
    }

    public List<LoggedEvent> events() {
        return List.copyOf(events);
    }
}
