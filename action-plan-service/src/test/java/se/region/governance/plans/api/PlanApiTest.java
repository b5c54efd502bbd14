package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.HSF;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.measureEtag;
import static se.region.governance.plans.api.Plans.planner;
import static se.region.governance.plans.api.Plans.reader;
import static se.region.governance.plans.api.Plans.report;

@QuarkusTest
class PlanApiTest {

    @Test
    void createAPlanAnswers201WithLocationAndEtag() {
        String location = admin().body("""
                        {"title":"Tillitsbaserad styrning och ledning på alla nivåer","ownerUnit":"HR-avdelningen",
                         "decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183","diaryNumber":"1326-2021"},
                         "periodFrom":"2022-08-17","periodTo":"2026-12-31"}""")
                .post("/api/v1/plans").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE"))
                .extract().header("Location");
        reader().get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("title", equalTo("Tillitsbaserad styrning och ledning på alla nivåer"))
                .body("decision.body", equalTo("REGIONSTYRELSEN"))
                .body("decision.paragraph", equalTo("§ 183"))
                .body("decision.diaryNumber", equalTo("1326-2021"))
                .body("measures.size()", equalTo(0))
                .body("createdAt", notNullValue());
        reader().queryParam("diaryNumber", "1326-2021").get("/api/v1/plans").then().statusCode(200)
                .body("items.title", hasItem("Tillitsbaserad styrning och ledning på alla nivåer"))
                .body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void patchingAPlanNeedsIfMatch() {
        String id = createPlan();
        admin().body("{\"description\":\"Uppföljningsplan\"}").patch("/api/v1/plans/{id}", id).then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWith("precondition-required"));
        admin().header("If-Match", "\"7\"").body("{\"description\":\"Uppföljningsplan\"}").patch("/api/v1/plans/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        admin().header("If-Match", "\"0\"").body("{\"description\":\"Uppföljningsplan\"}").patch("/api/v1/plans/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("description", equalTo("Uppföljningsplan"))
                .body("ownerUnit", equalTo(HR));
        reader().get("/api/v1/plans/{id}/history", id).then().statusCode(200)
                .body("items.type", contains("actionplan.plan.created", "actionplan.plan.updated"))
                .body("items[1].sub", equalTo("anna.admin"))
                .body("items[1].name", equalTo("Test anna.admin"))
                .body("items[1].data.changes[0].field", equalTo("description"))
                .body("items[1].data.changes[0].current", equalTo("Uppföljningsplan"));
        Plans.integration().get("/api/v1/plans/{id}/history", id).then().statusCode(403);
        admin().header("If-Match", "\"1\"").body("{\"status\":\"CANCELLED\"}").patch("/api/v1/plans/{id}", id)
                .then().statusCode(200);
        admin().header("If-Match", "\"2\"").body("{\"status\":\"ACTIVE\"}").patch("/api/v1/plans/{id}", id)
                .then().statusCode(409).body("currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void measuresWithSubActivitiesRollUpWeighted() {
        String plan = createPlan();
        String m1 = createMeasure(plan, """
                {"code":"1","title":"Plan för tillitsbaserad styrning och ledning","responsibleUnit":"HR-avdelningen",
                 "responsiblePerson":"HR-strateg","startDate":"2022-09-01","dueDate":"2023-12-31","weight":2,
                 "principles":["TRUST","DISCRETION"]}""");
        String a = createMeasure(plan, "{\"code\":\"1.1\",\"title\":\"Samverkan\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"parentId\":\"" + m1 + "\",\"weight\":3}");
        String b = createMeasure(plan, "{\"code\":\"1.2\",\"title\":\"Utbildning UL\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"parentId\":\"" + m1 + "\",\"weight\":1}");
        createMeasure(plan, "10", HR);
        report(plan, a, "{\"date\":\"2023-03-01\",\"status\":\"DONE\",\"progress\":100,\"text\":\"Klart\"}");
        report(plan, b, "{\"date\":\"2023-03-01\",\"status\":\"IN_PROGRESS\",\"progress\":20,\"text\":\"Pågår\"}");
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, m1).then().statusCode(200)
                .body("progress", equalTo(80))           // (3*100 + 1*20) / 4
                .body("reportedProgress", equalTo(0))
                .body("principles", contains("TRUST", "DISCRETION"))
                .body("dueDate", equalTo("2023-12-31"));
        reader().get("/api/v1/plans/{id}", plan).then().statusCode(200)
                .body("measures.code", contains("1", "1.1", "1.2", "10"));
        reader().get("/api/v1/plans/{id}/measures?parentId=" + m1, plan).then().statusCode(200)
                .body("total", equalTo(2)).body("items.code", contains("1.1", "1.2"));
        reader().get("/api/v1/plans/{id}/status", plan).then().statusCode(200)
                .body("overallProgress", equalTo(53)) // (2*80 + 1*0) / 3
                .body("measures.total", equalTo(4))
                .body("measures.DONE", equalTo(1))
                .body("measures.IN_PROGRESS", equalTo(1))
                .body("measures.PLANNED", equalTo(2));
    }

    @Test
    void progressUpdatesAreTheHistoryAndFollowTheTransitions() {
        String plan = createPlan();
        String m = createMeasure(plan, "3", HR);
        String etag = measureEtag(plan, m);
        String location = admin().header("If-Match", etag).body("""
                        {"date":"2023-05-15","author":"Karin HR-strateg","status":"IN_PROGRESS","progress":40,
                         "text":"Utbildningen UL kunde inte genomföras våren 2023","obstacles":"Brist på utbildare",
                         "nextSteps":"Återupptas hösten 2023","example":true}""")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, m).then().statusCode(201)
                .header("ETag", notNullValue())
                .body("author", equalTo("Karin HR-strateg"))
                .body("example", equalTo(true))
                .extract().header("Location");
        reader().get(location).then().statusCode(200).body("obstacles", equalTo("Brist på utbildare"));
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, m).then()
                .body("status", equalTo("IN_PROGRESS")).body("progress", equalTo(40))
                .body("lastUpdateOn", equalTo("2023-05-15"));
        // stale If-Match on an update: 412
        admin().header("If-Match", etag).body("{\"date\":\"2023-06-01\",\"text\":\"x\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, m).then().statusCode(412);
        report(plan, m, "{\"date\":\"2023-06-01\",\"status\":\"BLOCKED\",\"text\":\"Stopp\"}");
        admin().body("{\"date\":\"2023-07-01\",\"status\":\"DONE\",\"progress\":100}")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, m).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("invalid-transition"))
                .body("currentStatus", equalTo("BLOCKED"))
                .body("allowed", contains("CANCELLED", "IN_PROGRESS"));
        reader().get("/api/v1/plans/{id}/measures/{mid}/updates", plan, m).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.date", contains("2023-05-15", "2023-06-01"))
                .body("items[1].author", equalTo("Test anna.admin"))
                .body("items[1].progress", equalTo(40));
        // status and progress do not change by PATCH
        admin().header("If-Match", measureEtag(plan, m)).body("{\"status\":\"DONE\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(400)
                .body("type", endsWith("status-through-updates"));
    }

    @Test
    void aMeasureIsCreatedAt201WithLocationAndBelongsToItsPlan() {
        String plan = createPlan();
        String other = createPlan();
        String location = admin().body("{\"code\":\"3\",\"title\":\"Ökat stöd till linjeorganisationen i rekryteringsarbetet\","
                        + "\"responsibleUnit\":\"HR-avdelningen\",\"principles\":[\"SUPPORT\"]}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("PLANNED")).body("progress", equalTo(0)).body("weight", equalTo(1))
                .extract().header("Location");
        String id = reader().get(location).then().statusCode(200).header("ETag", "\"0\"")
                .body("planId", equalTo(plan)).body("principles", contains("SUPPORT")).extract().path("id");
        reader().get("/api/v1/plans/{id}/measures/{mid}", other, id).then().statusCode(404)
                .contentType("application/problem+json");
        admin().body("{\"code\":\"3.1\",\"title\":\"X\",\"responsibleUnit\":\"HR-avdelningen\",\"parentId\":\"" + id + "\"}")
                .post("/api/v1/plans/{id}/measures", other).then().statusCode(422).body("type", endsWith("unknown-parent"));
    }

    @Test
    void patchingAMeasureRecordsOnlyWhatIsSent() {
        String plan = createPlan();
        String m = createMeasure(plan, "2", HR);
        admin().body("{\"title\":\"Översyn av delegationsordningen\"}").patch("/api/v1/plans/{id}/measures/{mid}", plan, m)
                .then().statusCode(428);
        admin().header("If-Match", measureEtag(plan, m))
                .body("{\"title\":\"Översyn av delegationsordningen\",\"dueDate\":\"2024-06-30\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(200)
                .body("title", equalTo("Översyn av delegationsordningen"))
                .body("responsibleUnit", equalTo(HR))
                .body("dueDate", equalTo("2024-06-30"));
        admin().header("If-Match", measureEtag(plan, m)).body("{\"parentId\":\"" + m + "\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(422)
                .body("type", endsWith("parent-cycle"));
        admin().body("{\"code\":\"2\",\"title\":\"Dubblett\",\"responsibleUnit\":\"HR-avdelningen\"}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(409).body("type", endsWith("duplicate-code"));
    }

    @Test
    void aPlannerChangesOnlyMeasuresOfTheirOwnUnit() {
        String plan = createPlan();
        String hr = createMeasure(plan, "4", HR);
        // another unit's planner: 403 on every write to an HR measure
        planner(HSF).header("If-Match", measureEtag(plan, hr)).body("{\"title\":\"Nej\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, hr).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("not-your-unit"));
        planner(HSF).body("{\"date\":\"2023-08-01\",\"text\":\"x\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, hr).then().statusCode(403);
        planner(HSF).body("{\"date\":\"2023-08-01\",\"parties\":[\"Vision\"],\"form\":\"DIALOGUE\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, hr).then().statusCode(403);
        planner(HSF).body("{\"code\":\"9\",\"title\":\"X\",\"responsibleUnit\":\"HR-avdelningen\"}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(403);
        // ... nor add a top-level measure to the HR plan (it changes the plan's overall progress) ...
        planner(HSF).body("{\"code\":\"9\",\"title\":\"Operativ plan\",\"responsibleUnit\":\"" + HSF + "\"}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(403)
                .body("type", endsWith("not-your-unit")).body("requiredUnit", equalTo(HR));
        // ... but may add and change its own unit's measures under its own unit's measure
        String hsf = createMeasure(plan, "9", HSF);
        String own = planner(HSF).body("{\"code\":\"9.1\",\"title\":\"Operativ plan för hälso- och sjukvården\","
                        + "\"responsibleUnit\":\"" + HSF + "\",\"parentId\":\"" + hsf + "\"}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(201).extract().path("id");
        planner(HSF).body("{\"date\":\"2023-08-01\",\"status\":\"IN_PROGRESS\",\"progress\":50,\"text\":\"Framtagen med alla parter\"}")
                .post("/api/v1/plans/{id}/measures/{mid}/updates", plan, own).then().statusCode(201)
                .body("author", equalTo("Test per.planerare"));
        // the HR planner changes the HR measure
        planner(HR).header("If-Match", measureEtag(plan, hr)).body("{\"responsiblePerson\":\"Lena\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, hr).then().statusCode(200);
        // handing a measure to another unit is changing that unit's measures too
        planner(HR).header("If-Match", measureEtag(plan, hr)).body("{\"responsibleUnit\":\"" + HSF + "\"}")
                .patch("/api/v1/plans/{id}/measures/{mid}", plan, hr).then().statusCode(403);
        // plan-level writes: the owner unit's planner
        planner(HSF).header("If-Match", "\"0\"").body("{\"title\":\"Nej\"}").patch("/api/v1/plans/{id}", plan)
                .then().statusCode(403);
    }

    @Test
    void collaborationsPerMeasureAndPlan() {
        String plan = createPlan();
        String m = createMeasure(plan, "1", HR);
        String location = admin().body("""
                        {"date":"2022-10-04","parties":["Medarbetarrepresentanter","Vision","Kommunal","Vårdförbundet"],
                         "form":"SAMVERKANSGRUPP","outcome":"Planen tas fram i samverkan"}""")
                .post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, m).then().statusCode(201)
                .header("ETag", notNullValue())
                .body("measureId", equalTo(m))
                .extract().header("Location");
        reader().get(location).then().statusCode(200).body("parties", hasItems("Vision", "Kommunal"))
                .body("form", equalTo("SAMVERKANSGRUPP"));
        String planLevel = admin().body("{\"date\":\"2022-09-20\",\"parties\":[\"Fackliga organisationer\"],"
                        + "\"form\":\"MBL_NEGOTIATION\",\"outcome\":\"Information enligt MBL § 19\"}")
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(201)
                .body("measureId", nullValue()).extract().header("Location");
        reader().get(planLevel).then().statusCode(200).body("form", equalTo("MBL_NEGOTIATION"));
        reader().get("/api/v1/plans/{id}/collaborations", plan).then().statusCode(200)
                .body("total", equalTo(2)).body("items.date", contains("2022-09-20", "2022-10-04"));
        admin().body("{\"date\":\"2022-09-20\",\"parties\":[],\"form\":\"TEA_PARTY\"}")
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNeverA500() {
        String plan = createPlan();
        admin().body("{\"title\":").post("/api/v1/plans").then().statusCode(400).contentType("application/problem+json");
        admin().body("{\"title\":\"\",\"ownerUnit\":\"HR\"}").post("/api/v1/plans").then().statusCode(400)
                .body("errors.field", hasItem("title"));
        admin().body("{\"code\":\"1\",\"title\":\"X\",\"responsibleUnit\":\"HR-avdelningen\",\"progress\":101}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(400).body("errors.field", hasItem("progress"));
        admin().body("{\"code\":\"1\",\"title\":\"X\",\"responsibleUnit\":\"HR-avdelningen\",\"principles\":[\"LOVE\"]}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(400);
        reader().get("/api/v1/plans/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, UUID.randomUUID()).then().statusCode(404);
        admin().body("{\"code\":\"1\",\"title\":\"X\",\"responsibleUnit\":\"HR-avdelningen\",\"documentIds\":[\""
                        + UUID.randomUUID() + "\"]}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("unknown-document"));
    }
}
