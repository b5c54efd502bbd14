package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.commons.time.RegionTime;
import se.region.governance.reports.domain.EffectiveDates;
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.infrastructure.EventLog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one consumed event: once per event id (the event log is the inbox: its key is the event id),
 * logged with its effective date, and projected into the current state, all in one transaction.
 */
@ApplicationScoped
public class EventIngest {

    @Inject
    EventLog log;
    @Inject
    ConsumerCounters counters;
    @Inject
    RegionTime region;

    /** An event and where it was read. */
    public record Delivery(ReceivedEvent event, Integer partition, Long offset) {
    }

    /** Applies a poll's events in one transaction (one commit for many events), in the order read. */
    @Transactional
    public int applyAll(String topic, List<Delivery> deliveries) {
        int applied = 0;
        for (Delivery d : deliveries) {
            applied += apply(topic, d.event(), d.partition(), d.offset()) ? 1 : 0;
        }
        return applied;
    }

    /** True when the event was applied now; false for a redelivery of one already applied. */
    @Transactional
    public boolean apply(String topic, ReceivedEvent e, Integer partition, Long offset) {
        JsonNode d = e.data() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : e.data();
        boolean plans = EventTypes.PLANS_TOPIC.equals(topic);
        String planId = plans ? text(d.path("planId"), plans && d.path("plan").isObject() ? text(d.path("plan").path("id"), e.subject()) : e.subject()) : null;
        String entityId = plans ? text(d.path("measureId"), planId) : text(d.path("document").path("id"), e.subject());
        // only a measure's creation is dated by its plan's decision (EffectiveDates)
        LocalDate planDecision = EventTypes.MEASURE_CREATED.equals(e.type()) && planId != null ? log.planDecisionDate(planId) : null;
        LocalDate effective = EffectiveDates.of(e.type(), d, e.time(), region.zone(), planDecision);
        List<String> aggregates = new ArrayList<>();
        if (entityId != null) {
            aggregates.add(entityId);
        }
        if (planId != null && !planId.equals(entityId)) {
            aggregates.add(planId);
        }
        // the log's key is the event id: a redelivery is recognised there and changes nothing
        if (!log.ingest(new EventLog.Entry(e.id(), topic, e.type(), e.subject(), planId, entityId, e.time(), effective,
                d.toString(), partition, offset), aggregates, projections(topic, d, planId))) {
            counters.duplicate(topic);
            return false;
        }
        counters.applied(topic);
        return true;
    }

    private static List<EventLog.Projection> projections(String topic, JsonNode d, String planId) {
        List<EventLog.Projection> projections = new ArrayList<>(2);
        if (EventTypes.DOCUMENTS_TOPIC.equals(topic)) {
            JsonNode doc = d.path("document");
            if (doc.isObject() && doc.hasNonNull("id")) {
                projections.add(new EventLog.Projection(EventLog.Projected.DOCUMENT, doc.get("id").asText(), null, doc.toString()));
            }
            return projections;
        }
        JsonNode plan = d.path("plan");
        if (plan.isObject() && planId != null) {
            projections.add(new EventLog.Projection(EventLog.Projected.PLAN, planId, null, plan.toString()));
        }
        JsonNode measure = d.path("measure");
        String measureId = text(d.path("measureId"), measure.path("id").asText(null));
        if (measure.isObject() && measureId != null && planId != null) {
            projections.add(new EventLog.Projection(EventLog.Projected.MEASURE, measureId, planId, measure.toString()));
        }
        return projections;
    }

    private static String text(JsonNode n, String fallback) {
        return n != null && n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText() : fallback;
    }
}
