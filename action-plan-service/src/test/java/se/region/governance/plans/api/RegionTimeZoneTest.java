package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.region.governance.plans.TestClock;

import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.integration;

/** The overdue list counts days in the configured region's zone (governance.region.time-zone), not in Stockholm's. */
@QuarkusTest
@TestProfile(RegionTimeZoneTest.NewYork.class)
class RegionTimeZoneTest {

    public static class NewYork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governance.region.time-zone", "America/New_York");
        }
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aDueDateIsOverdueOnlyOnceTheDayHasPassedInTheRegionsZone() {
        String plan = createPlan();
        createMeasure(plan, "{\"code\":\"1\",\"title\":\"A\",\"responsibleUnit\":\"HR-avdelningen\",\"dueDate\":\"2031-01-09\"}");
        createMeasure(plan, "{\"code\":\"2\",\"title\":\"B\",\"responsibleUnit\":\"HR-avdelningen\",\"dueDate\":\"2031-01-10\"}");
        // 2031-01-11 00:30 in Stockholm, still 2031-01-10 18:30 in New York: measure 2 is due today, not overdue
        TestClock.set(Instant.parse("2031-01-10T23:30:00Z"));
        integration().get("/api/v1/plans/{id}/status", plan).then().statusCode(200)
                .body("overdue.code", contains("1"));
    }
}
