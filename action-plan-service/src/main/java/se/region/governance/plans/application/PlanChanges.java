package se.region.governance.plans.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.Outbox;
import se.region.governance.plans.domain.PlanChange;
import se.region.governance.plans.infrastructure.PlanChangeRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Every change of a plan goes through here, in the caller's transaction (which holds the plan's
 * row lock): one event on actionplan.plans through the outbox (key: the plan id) and one row of
 * the change feed, which is also the audit trail (who, when, what).
 */
@ApplicationScoped
public class PlanChanges {

    @Inject
    Outbox outbox;
    @Inject
    PlanChangeRepository changes;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID planId, String type, UUID entityId, Map<String, Object> data, Actor actor) {
        outbox.append(PlanEvents.TOPIC, type, planId.toString(), data);
        PlanChange c = new PlanChange();
        c.planId = planId;
        c.at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        c.type = type;
        c.entityId = entityId;
        try {
            c.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change data not serializable: " + type, e);
        }
        c.actorSub = actor.sub();
        c.actorName = actor.name();
        changes.persist(c);
    }
}
