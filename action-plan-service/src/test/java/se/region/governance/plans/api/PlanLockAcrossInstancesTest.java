package se.region.governance.plans.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.integration;
import static se.region.governance.plans.api.Plans.report;

/**
 * Another instance (here: a plain connection) holds the plan's row lock while this one reports progress:
 * the report waits in the database, and once the lock is granted its roll-up sees what the other
 * instance committed meanwhile (the lock and the roll-up's read go in one round trip, as two statements).
 */
@QuarkusTest
class PlanLockAcrossInstancesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRollUpReadAfterTheLockSeesWhatTheHolderCommitted() throws Exception {
        String plan = createPlan();
        String parent = createMeasure(plan, "{\"code\":\"1\",\"title\":\"Huvudåtgärd\",\"responsibleUnit\":\"" + HR + "\"}");
        String a = createMeasure(plan, "{\"code\":\"1.1\",\"title\":\"A\",\"responsibleUnit\":\"" + HR + "\",\"parentId\":\""
                + parent + "\"}");
        String b = createMeasure(plan, "{\"code\":\"1.2\",\"title\":\"B\",\"responsibleUnit\":\"" + HR + "\",\"parentId\":\""
                + parent + "\"}");

        CompletableFuture<String> reported;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from plan where id = ? for update")) {
                lock.setObject(1, UUID.fromString(plan));
                lock.execute();
            }
            reported = CompletableFuture.supplyAsync(() -> report(plan, a,
                    "{\"date\":\"2023-03-01\",\"status\":\"IN_PROGRESS\",\"progress\":40}"));
            awaitALockWait();
            assertFalse(reported.isDone(), "the report waits for the plan's row lock");
            // meanwhile the other instance's own write to the plan: B is done
            try (PreparedStatement done = other.prepareStatement(
                    "update measure set progress = 100, status = 'DONE', version = version + 1 where id = ?")) {
                done.setObject(1, UUID.fromString(b));
                assertEquals(1, done.executeUpdate());
            }
            other.commit();
        }
        reported.get(30, TimeUnit.SECONDS);

        // the parent's roll-up as the report announced it: (40 + 100) / 2 = 70, from 50 (A at 0, B at 100)
        List<Map<String, Object>> items = integration().queryParam("limit", 1000)
                .get("/api/v1/plans/{id}/changes", plan).then().statusCode(200).extract().jsonPath().getList("items");
        Map<?, ?> last = null;
        for (Map<String, Object> item : items) {
            if ("actionplan.measure.updated".equals(item.get("type")) && parent.equals(item.get("entityId"))) {
                last = (Map<?, ?>) item.get("data");
            }
        }
        assertTrue(last != null, "the parent's new roll-up was announced");
        assertEquals(70, ((Map<?, ?>) last.get("measure")).get("progress"));
        Map<?, ?> change = (Map<?, ?>) ((List<?>) last.get("changes")).get(0);
        assertEquals(50, change.get("previous"));
        assertEquals(70, change.get("current"));
    }

    /** Until a backend of this database waits on a lock (the report, on the plan's row). */
    private void awaitALockWait() {
        await("a backend waiting on the plan's lock").atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }
}
