package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.region.governance.plans.TestClock;
import se.region.governance.plans.application.PlanEvents;
import se.region.governance.plans.infrastructure.ReminderJob;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.integration;
import static se.region.governance.plans.api.Plans.report;

/** The reminder job with a clock the test moves: each reminder once per measure and period. */
@QuarkusTest
class ReminderJobTest {

    static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");

    @Inject
    ReminderJob job;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void updateOverdueAndDueSoonGoOutOncePerMeasureAndPeriod() {
        TestClock.set(T0);
        String plan = createPlan();
        String quiet = createMeasure(plan, "1", HR);
        String due = createMeasure(plan, "{\"code\":\"2\",\"title\":\"Frist\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"dueDate\":\"2031-02-10\"}");
        String active = createMeasure(plan, "3", HR);
        String done = createMeasure(plan, "4", HR);
        report(plan, done, "{\"date\":\"2031-01-01\",\"status\":\"DONE\",\"progress\":100}");

        at(15);  // due 2031-02-10 is within 30 days of 2031-01-16
        job.run();
        job.run();
        assertEquals(Map.of(due + " " + PlanEvents.MEASURE_DUE_SOON, 1L), reminders(plan));

        report(plan, active, "{\"date\":\"2031-03-01\",\"status\":\"IN_PROGRESS\",\"progress\":10}");
        at(91);  // 2031-04-02: no update since creation on 2031-01-01 for 1 and 2; 3 was updated 2031-03-01
        job.run();
        job.run();
        assertEquals(Map.of(due + " " + PlanEvents.MEASURE_DUE_SOON, 1L,
                quiet + " " + PlanEvents.MEASURE_UPDATE_OVERDUE, 1L,
                due + " " + PlanEvents.MEASURE_UPDATE_OVERDUE, 1L), reminders(plan));

        at(181); // a second period without an update: once more for 1 and 2; 3 reaches its first period
        job.run();
        assertEquals(Map.of(due + " " + PlanEvents.MEASURE_DUE_SOON, 1L,
                quiet + " " + PlanEvents.MEASURE_UPDATE_OVERDUE, 2L,
                due + " " + PlanEvents.MEASURE_UPDATE_OVERDUE, 2L,
                active + " " + PlanEvents.MEASURE_UPDATE_OVERDUE, 1L), reminders(plan));

        var overdue = integration().queryParam("limit", 1000).get("/api/v1/plans/{id}/changes", plan).then()
                .statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.type == 'actionplan.measure.update-overdue' && it.entityId == '" + active
                        + "' }.data", Map.class);
        assertEquals("2031-03-01", overdue.get(0).get("lastUpdateOn"));
        assertEquals("P90D", overdue.get(0).get("period"));
        assertEquals(active, overdue.get(0).get("measureId"));
    }

    private static void at(int days) {
        TestClock.set(T0.plus(days, ChronoUnit.DAYS));
    }

    /** "measureId type" → how many reminders of that type the plan's change feed holds for the measure. */
    private static Map<String, Long> reminders(String plan) {
        List<Map<String, Object>> items = integration().queryParam("limit", 1000)
                .get("/api/v1/plans/{id}/changes", plan).then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> i.get("type").equals(PlanEvents.MEASURE_UPDATE_OVERDUE)
                        || i.get("type").equals(PlanEvents.MEASURE_DUE_SOON))
                .collect(java.util.stream.Collectors.groupingBy(i -> i.get("entityId") + " " + i.get("type"),
                        java.util.stream.Collectors.counting()));
    }
}
