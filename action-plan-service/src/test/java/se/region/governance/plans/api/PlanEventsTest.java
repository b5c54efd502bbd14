package se.region.governance.plans.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.commons.testing.TopicReader;
import se.region.governance.plans.application.PlanEvents;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.measureEtag;
import static se.region.governance.plans.api.Plans.report;

/** Every change reaches actionplan.plans through the outbox, keyed by the plan, in order, with the changed fields. */
@QuarkusTest
class PlanEventsTest {

    @Test
    void everyChangeIsPublishedInOrderKeyedByThePlan() {
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(PlanEvents.TOPIC))) {
            String plan = createPlan();
            admin().header("If-Match", "\"0\"").body("{\"description\":\"Uppföljningsplan\"}")
                    .patch("/api/v1/plans/{id}", plan).then().statusCode(200);
            String parent = createMeasure(plan, "1", HR);
            String child = createMeasure(plan, "{\"code\":\"1.1\",\"title\":\"Delaktivitet\",\"responsibleUnit\":\"HR-avdelningen\","
                    + "\"parentId\":\"" + parent + "\"}");
            admin().header("If-Match", measureEtag(plan, child)).body("{\"responsiblePerson\":\"Karin\"}")
                    .patch("/api/v1/plans/{id}/measures/{mid}", plan, child).then().statusCode(200);
            report(plan, child, "{\"date\":\"2023-08-31\",\"status\":\"IN_PROGRESS\",\"progress\":40,\"text\":\"Pågår\","
                    + "\"example\":true}");
            admin().body("{\"date\":\"2022-10-04\",\"parties\":[\"Vision\",\"Kommunal\"],\"form\":\"SAMVERKANSGRUPP\"}")
                    .post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, parent).then().statusCode(201);

            List<TopicReader.Event> events = reader.awaitSubject(plan, 9, Duration.ofSeconds(30));
            assertEquals(List.of(PlanEvents.PLAN_CREATED, PlanEvents.PLAN_UPDATED, PlanEvents.MEASURE_CREATED,
                            PlanEvents.MEASURE_CREATED, PlanEvents.MEASURE_UPDATED, PlanEvents.PROGRESS_REPORTED,
                            PlanEvents.MEASURE_STATUS_CHANGED, PlanEvents.MEASURE_UPDATED,
                            PlanEvents.COLLABORATION_RECORDED),
                    events.stream().map(TopicReader.Event::type).toList());
            events.forEach(e -> assertEquals(plan, e.key()));
            events.forEach(e -> assertEquals(plan, e.data().path("planId").asText()));

            JsonNode planUpdated = events.get(1).data();
            assertEquals("Uppföljningsplan", planUpdated.path("plan").path("description").asText());
            assertTrue(planUpdated.path("plan").path("measures").isMissingNode(), "PlanView without measures");
            assertTrue(hasChange(planUpdated, "description", null, "Uppföljningsplan"));

            JsonNode measureUpdated = events.get(4).data();
            assertEquals(child, measureUpdated.path("measureId").asText());
            assertEquals("1.1", measureUpdated.path("measure").path("code").asText());
            assertEquals(parent, measureUpdated.path("measure").path("parentId").asText());
            assertTrue(hasChange(measureUpdated, "responsiblePerson", null, "Karin"));

            JsonNode reported = events.get(5).data();
            assertEquals(child, reported.path("measureId").asText());
            assertEquals(40, reported.path("update").path("progress").asInt());
            assertTrue(reported.path("update").path("example").asBoolean());
            assertEquals("IN_PROGRESS", reported.path("measure").path("status").asText());

            JsonNode statusChanged = events.get(6).data();
            assertEquals(child, statusChanged.path("measureId").asText());
            assertTrue(hasChange(statusChanged, "status", "PLANNED", "IN_PROGRESS"));

            JsonNode rolledUp = events.get(7).data(); // the parent follows its only child
            assertEquals(parent, rolledUp.path("measureId").asText());
            assertEquals(40, rolledUp.path("measure").path("progress").asInt());
            assertTrue(hasChange(rolledUp, "progress", "0", "40"));

            JsonNode collaboration = events.get(8).data();
            assertEquals(parent, collaboration.path("measureId").asText());
            assertEquals("SAMVERKANSGRUPP", collaboration.path("collaboration").path("form").asText());
            assertEquals("Kommunal", collaboration.path("collaboration").path("parties").get(1).asText());
        }
    }

    private static boolean hasChange(JsonNode data, String field, String previous, String current) {
        for (JsonNode c : data.path("changes")) {
            if (c.path("field").asText().equals(field)
                    && (previous == null ? c.path("previous").isNull() : c.path("previous").asText().equals(previous))
                    && c.path("current").asText().equals(current)) {
                return true;
            }
        }
        return false;
    }
}
