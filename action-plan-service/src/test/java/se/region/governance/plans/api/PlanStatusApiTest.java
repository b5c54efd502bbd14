package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.integration;
import static se.region.governance.plans.api.Plans.report;

@QuarkusTest
class PlanStatusApiTest {

    @Test
    void statusSummaryWithStrongEtagAnd304() {
        String plan = createPlan();
        String m1 = createMeasure(plan, "{\"code\":\"1\",\"title\":\"A\",\"responsibleUnit\":\"HR-avdelningen\",\"dueDate\":\"2020-01-31\"}");
        String m2 = createMeasure(plan, "{\"code\":\"2\",\"title\":\"B\",\"responsibleUnit\":\"HR-avdelningen\",\"dueDate\":\"2099-01-31\"}");
        createMeasure(plan, "{\"code\":\"2.1\",\"title\":\"B1\",\"responsibleUnit\":\"HR-avdelningen\",\"parentId\":\"" + m2
                + "\",\"dueDate\":\"2020-06-30\"}");
        report(plan, m1, "{\"date\":\"2023-08-31\",\"status\":\"IN_PROGRESS\",\"progress\":50}");

        var first = integration().get("/api/v1/plans/{id}/status", plan).then().statusCode(200)
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .body("planId", equalTo(plan))
                .body("measures.total", equalTo(3))
                .body("measures.IN_PROGRESS", equalTo(1))
                .body("measures.PLANNED", equalTo(2))
                .body("measures.BLOCKED", equalTo(0))
                .body("overallProgress", equalTo(25))
                .body("overdue.code", contains("1", "2.1"))
                .body("lastChangeAt", notNullValue())
                .extract();
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\""), "a strong ETag: " + etag);
        integration().header("If-None-Match", etag).get("/api/v1/plans/{id}/status", plan).then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "private, max-age=0, must-revalidate");
        integration().header("If-None-Match", "\"other\"").get("/api/v1/plans/{id}/status", plan).then().statusCode(200);

        report(plan, m1, "{\"date\":\"2023-09-30\",\"status\":\"DONE\",\"progress\":100}");
        String after = integration().header("If-None-Match", etag).get("/api/v1/plans/{id}/status", plan).then()
                .statusCode(200).body("measures.DONE", equalTo(1)).body("overdue.code", contains("2.1"))
                .extract().header("ETag");
        assertNotEquals(etag, after);
        integration().get("/api/v1/plans/{id}/status", java.util.UUID.randomUUID()).then().statusCode(404);
        integration().header("If-None-Match", etag).get("/api/v1/plans/{id}/status", java.util.UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void changeFeedPagesInOrderWithAnOpaqueCursor() {
        String plan = createPlan();
        String m = createMeasure(plan, "1", HR);
        report(plan, m, "{\"date\":\"2023-01-10\",\"status\":\"IN_PROGRESS\",\"progress\":10}");
        admin().body("{\"date\":\"2023-02-01\",\"parties\":[\"Vision\"],\"form\":\"DIALOGUE\"}")
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(201);

        JsonPath p1 = integration().get("/api/v1/plans/{id}/changes?limit=2", plan).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.type", contains("actionplan.plan.created", "actionplan.measure.created"))
                .body("items[1].entityId", equalTo(m))
                .body("items[1].data.measure.code", equalTo("1"))
                .extract().jsonPath();
        String next = p1.getString("next");
        JsonPath p2 = integration().queryParam("after", next).get("/api/v1/plans/{id}/changes?limit=10", plan).then()
                .statusCode(200)
                .body("items.type", contains("actionplan.progress.reported", "actionplan.measure.status-changed",
                        "actionplan.collaboration.recorded"))
                .body("items[1].data.changes[0].field", equalTo("status"))
                .body("items[1].data.changes[0].previous", equalTo("PLANNED"))
                .extract().jsonPath();
        List<Long> seqs = new ArrayList<>(p1.getList("items.seq", Long.class));
        seqs.addAll(p2.getList("items.seq", Long.class));
        assertEquals(seqs.stream().sorted().distinct().toList(), seqs);
        String end = p2.getString("next");
        // past the newest change: no items, the same cursor
        integration().queryParam("after", end).get("/api/v1/plans/{id}/changes", plan).then().statusCode(200)
                .body("items", empty()).body("next", equalTo(end));
        // a new change appears after that cursor
        report(plan, m, "{\"date\":\"2023-03-10\",\"progress\":30}");
        integration().queryParam("after", end).get("/api/v1/plans/{id}/changes", plan).then().statusCode(200)
                .body("items.type", contains("actionplan.progress.reported"));
        integration().queryParam("after", "not-a-cursor!").get("/api/v1/plans/{id}/changes", plan).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("invalid-cursor"));
        integration().get("/api/v1/plans/{id}/changes?limit=0", plan).then().statusCode(400);
    }

    /** Writers on one plan while a poller pages: the poller sees every change once, in seq order. */
    @Test
    void aPollerNeverMissesOrRepeatsAChangeUnderConcurrentWrites() throws Exception {
        String plan = createPlan();
        int writers = 4;
        int writesEach = 12;
        List<String> measures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            measures.add(createMeasure(plan, "" + (i + 1), HR));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> polled = Collections.synchronizedList(new ArrayList<>());
        Future<?> poller = pool.submit(() -> {
            String cursor = null;
            boolean done = false;
            while (!done) {
                boolean wasWriting = writing.get();
                var req = integration().queryParam("limit", 3);
                if (cursor != null) {
                    req.queryParam("after", cursor);
                }
                JsonPath page = req.get("/api/v1/plans/{id}/changes", plan).then().statusCode(200).extract().jsonPath();
                List<Long> seqs = page.getList("items.seq", Long.class);
                polled.addAll(seqs);
                cursor = page.getString("next");
                done = !wasWriting && seqs.isEmpty();
            }
            return null;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String m = measures.get(w);
            futures.add(pool.submit(() -> {
                for (int k = 1; k <= writesEach; k++) {
                    report(plan, m, "{\"date\":\"2023-01-" + String.format("%02d", k) + "\",\"status\":\"IN_PROGRESS\","
                            + "\"progress\":" + k + "}");
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        poller.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        List<Long> all = integration().queryParam("limit", 1000).get("/api/v1/plans/{id}/changes", plan).then()
                .statusCode(200).extract().jsonPath().getList("items.seq", Long.class);
        // plan created + 4 measures created + per write: progress.reported (+ status-changed on the first)
        assertEquals(1 + writers + writers * writesEach + writers, all.size());
        assertEquals(all, polled, "the poller saw every change exactly once, in order");
        assertFalse(all.isEmpty());
    }

    /**
     * Sub-activities of one measure updated concurrently while their titles are edited: no write fails
     * (the writers lock measure before plan, so none waits on another in a cycle), and the parent's
     * roll-up, read and announced, is the weighted average of the children's final progress.
     */
    @Test
    void concurrentUpdatesOfSiblingsKeepTheRollUpConsistent() throws Exception {
        String plan = createPlan();
        String parent = createMeasure(plan, "{\"code\":\"1\",\"title\":\"Huvudåtgärd\",\"responsibleUnit\":\"" + HR + "\"}");
        int children = 3;
        int writesEach = 10;
        List<String> kids = new ArrayList<>();
        for (int i = 1; i <= children; i++) {
            kids.add(createMeasure(plan, "{\"code\":\"1." + i + "\",\"title\":\"Delaktivitet " + i + "\",\"responsibleUnit\":\""
                    + HR + "\",\"parentId\":\"" + parent + "\",\"weight\":" + i + "}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(children + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            String kid = kids.get(c);
            int factor = c + 1;
            futures.add(pool.submit(() -> {
                for (int k = 1; k <= writesEach; k++) {
                    report(plan, kid, "{\"date\":\"2023-02-" + String.format("%02d", k) + "\",\"status\":\"IN_PROGRESS\","
                            + "\"progress\":" + (k * factor * 3) + "}");
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> { // a planner renames the sub-activities meanwhile (measure row, then plan row)
            for (int k = 0; k < writesEach; k++) {
                String kid = kids.get(k % children);
                int status;
                do {
                    String etag = Plans.measureEtag(plan, kid);
                    status = admin().header("If-Match", etag).body("{\"title\":\"Delaktivitet, version " + k + "\"}")
                            .patch("/api/v1/plans/{id}/measures/{mid}", plan, kid).then().extract().statusCode();
                    assertTrue(status == 200 || status == 412, "PATCH answered " + status);
                } while (status == 412);
            }
            return null;
        }));
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // children end at 30, 60, 90 with weights 1, 2, 3: (30 + 120 + 270) / 6 = 70
        int expected = 70;
        admin().get("/api/v1/plans/{id}/measures/{mid}", plan, parent).then().statusCode(200)
                .body("progress", equalTo(expected));
        List<java.util.Map<String, Object>> items = integration().queryParam("limit", 1000)
                .get("/api/v1/plans/{id}/changes", plan).then().statusCode(200).extract().jsonPath().getList("items");
        Object announced = null;
        for (var item : items) {
            if ("actionplan.measure.updated".equals(item.get("type")) && parent.equals(item.get("entityId"))) {
                announced = ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) item.get("data")).get("measure")).get("progress");
            }
        }
        assertEquals(expected, announced, "the last announcement of the parent carries its final roll-up");
    }
}
