package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.integration;

/** GET /api/v1/public/plans and /{id}: no token, no person's name, the status summary's figures, conditional. */
@QuarkusTest
class PublicPlanApiTest {

    static final String PUBLIC = "/api/v1/public/plans";

    /** Names of people, unique per run, so a leak cannot hide behind a name some other test also used. */
    record Names(String responsiblePerson, String author, String callerSub) {
        String callerName() {
            return "Test " + callerSub; // the name claim TestTokens gives the token
        }

        List<String> all() {
            return List.of(responsiblePerson, author, callerSub, callerName());
        }
    }

    record Fixture(String plan, String m1, String m2, String m21, String m22, String m10, Names names) {
    }

    /**
     * A plan of four top-level measures' worth: 1 (overdue, two updates sent newest first), 2 with the
     * sub-measures 2.1 (done) and 2.2, and 10 (blocked); collaborations on the plan and on measure 1. Every
     * write as a caller with a name of its own.
     */
    static Fixture fixture() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Names names = new Names("Lena Lindqvist " + suffix, "Bo Berglund " + suffix, "sigrid.sekreterare." + suffix);
        String plan = createPlan();
        String m1 = measure(names, plan, "{\"code\":\"1\",\"title\":\"Dialog\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"responsiblePerson\":\"" + names.responsiblePerson() + "\",\"dueDate\":\"2020-01-31\","
                + "\"principles\":[\"TRUST\"]}");
        String m2 = measure(names, plan, "{\"code\":\"2\",\"title\":\"Ledarskap\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"responsiblePerson\":\"" + names.responsiblePerson() + "\"}");
        String m21 = measure(names, plan, "{\"code\":\"2.1\",\"title\":\"Utbildning\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"parentId\":\"" + m2 + "\",\"dueDate\":\"2020-06-30\"}");
        String m22 = measure(names, plan, "{\"code\":\"2.2\",\"title\":\"Nätverk\",\"responsibleUnit\":\"HR-avdelningen\","
                + "\"parentId\":\"" + m2 + "\"}");
        String m10 = measure(names, plan, "{\"code\":\"10\",\"title\":\"Uppföljning\",\"responsibleUnit\":\"HR-avdelningen\"}");
        // the later update first: the latest by date is the one dated last, not the one recorded last
        report(names, plan, m1, "{\"date\":\"2023-05-01\",\"status\":\"IN_PROGRESS\",\"progress\":60,"
                + "\"text\":\"Senaste läget\",\"obstacles\":\"Tid\",\"nextSteps\":\"Workshop\",\"example\":true,"
                + "\"author\":\"" + names.author() + "\"}");
        report(names, plan, m1, "{\"date\":\"2023-03-01\",\"status\":\"IN_PROGRESS\",\"progress\":30,"
                + "\"text\":\"Tidigare läge\",\"author\":\"" + names.author() + "\"}");
        report(names, plan, m21, "{\"date\":\"2023-04-01\",\"status\":\"DONE\",\"progress\":100,\"text\":\"Klart\"}");
        report(names, plan, m10, "{\"date\":\"2023-04-02\",\"status\":\"BLOCKED\",\"text\":\"Väntar\"}");
        as(names).body("{\"date\":\"2023-02-01\",\"parties\":[\"Vision\",\"Kommunal\"],\"form\":\"DIALOGUE\","
                + "\"outcome\":\"Samsyn\"}").post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, m1)
                .then().statusCode(201);
        as(names).body("{\"date\":\"2023-01-15\",\"parties\":[\"Vårdförbundet\"],\"form\":\"SAMVERKANSGRUPP\"}")
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(201);
        return new Fixture(plan, m1, m2, m21, m22, m10, names);
    }

    static RequestSpecification as(Names names) {
        return given().auth().oauth2(TestTokens.tokenFor(names.callerSub(), Plans.HR, Roles.ADMIN))
                .contentType("application/json");
    }

    static String measure(Names names, String plan, String json) {
        return as(names).body(json).post("/api/v1/plans/{id}/measures", plan).then().statusCode(201).extract().path("id");
    }

    static void report(Names names, String plan, String measure, String json) {
        as(names).body(json).post("/api/v1/plans/{id}/measures/{mid}/updates", plan, measure).then().statusCode(201);
    }

    @Test
    void aPlanReadsWithoutATokenWithItsMeasuresUpdatesAndCollaborations() {
        Fixture f = fixture();
        ExtractableResponse<Response> r = given().get(PUBLIC + "/{id}", f.plan()).then().statusCode(200)
                .contentType("application/json").header("Cache-Control", "public, no-cache")
                .header("ETag", notNullValue())
                .body("id", equalTo(f.plan()))
                .body("decision.paragraph", equalTo("§ 183")).body("decision.diaryNumber", equalTo("1326-2021"))
                .body("periodFrom", equalTo("2022-08-17")).body("status", equalTo("ACTIVE"))
                .body("lastChangeAt", notNullValue()).body("updatedAt", notNullValue())
                .body("measures.code", contains("1", "2", "2.1", "2.2", "10"))
                .body("measures.status", contains("IN_PROGRESS", "PLANNED", "DONE", "PLANNED", "BLOCKED"))
                // 2 rolls up from 2.1 (100) and 2.2 (0); the plan from 1, 2 and 10: (60 + 50 + 0) / 3
                .body("measures.progress", contains(60, 50, 100, 0, 0))
                .body("overallProgress", equalTo(37))
                .body("measures.overdue", contains(true, false, false, false, false))
                .body("measures.parentId", contains(null, null, f.m2(), f.m2(), null))
                .body("measures[0].responsibleUnit", equalTo("HR-avdelningen"))
                .body("measures[0].principles", contains("TRUST"))
                .body("measures[0].latestUpdate.date", equalTo("2023-05-01"))
                .body("measures[0].latestUpdate.progress", equalTo(60))
                .body("measures[0].latestUpdate.status", equalTo("IN_PROGRESS"))
                .body("measures[0].latestUpdate.text", equalTo("Senaste läget"))
                .body("measures[0].latestUpdate.obstacles", equalTo("Tid"))
                .body("measures[0].latestUpdate.nextSteps", equalTo("Workshop"))
                .body("measures[0].latestUpdate.example", equalTo(true))
                .body("measures[1].latestUpdate", nullValue())
                .body("measures[2].latestUpdate.text", equalTo("Klart"))
                .body("measures[0].collaborations.parties", contains(List.of("Vision", "Kommunal")))
                .body("measures[0].collaborations[0].form", equalTo("DIALOGUE"))
                .body("measures[0].collaborations[0].outcome", equalTo("Samsyn"))
                .body("measures[1].collaborations", empty())
                .body("collaborations.parties", contains(List.of("Vårdförbundet")))
                .body("collaborations[0].date", equalTo("2023-01-15"))
                .extract();
        JsonPath body = r.jsonPath();
        assertEquals(Set.of("date", "parties", "form", "outcome"), body.getMap("collaborations[0]").keySet());
        assertEquals(Set.of("date", "status", "progress", "text", "obstacles", "nextSteps", "example"),
                body.getMap("measures[0].latestUpdate").keySet());
        assertEquals(Set.of("id", "code", "title", "description", "parentId", "responsibleUnit", "status", "progress",
                "weight", "startDate", "dueDate", "overdue", "principles", "latestUpdate", "collaborations"),
                body.getMap("measures[0]").keySet());
        assertNoPersonIn(r.asString(), f.names());
    }

    @Test
    void theCountsAndOverallProgressAreThoseOfTheStatusSummary() {
        Fixture f = fixture();
        JsonPath status = integration().get("/api/v1/plans/{id}/status", f.plan()).then().statusCode(200)
                .extract().jsonPath();
        JsonPath pub = given().get(PUBLIC + "/{id}", f.plan()).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> counts = new LinkedHashMap<>(status.getMap("measures", String.class, Integer.class));
        assertEquals(5, counts.remove("total"));
        assertEquals(counts, pub.getMap("measuresByStatus", String.class, Integer.class));
        assertEquals(Map.of("PLANNED", 2, "IN_PROGRESS", 1, "BLOCKED", 1, "DONE", 1, "CANCELLED", 0), counts);
        assertEquals(status.getInt("overallProgress"), pub.getInt("overallProgress"));
        assertEquals(status.getString("lastChangeAt"), pub.getString("lastChangeAt"));
    }

    @Test
    void theListShowsEachPlanWithItsOverallProgressAndNoPerson() {
        Fixture f = fixture();
        int overall = given().get(PUBLIC + "/{id}", f.plan()).then().statusCode(200).extract().path("overallProgress");
        ExtractableResponse<Response> page = pageWith(f.plan());
        Map<String, Object> item = page.jsonPath().getList("items", Map.class).stream()
                .filter(i -> f.plan().equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals(overall, item.get("overallProgress"));
        assertEquals(Set.of("id", "title", "description", "ownerUnit", "decision", "periodFrom", "periodTo", "status",
                "overallProgress", "updatedAt"), item.keySet());
        assertEquals("public, no-cache", page.header("Cache-Control"));
        assertNoPersonIn(page.asString(), f.names());
        given().get(PUBLIC).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                .body("total", notNullValue());
    }

    /** The page of the public list (size 100) that holds the plan: oldest first, so a new plan is near the end. */
    private static ExtractableResponse<Response> pageWith(String plan) {
        int total = given().queryParam("size", 1).get(PUBLIC).then().statusCode(200).extract().path("total");
        for (int p = (total - 1) / 100; p >= 0; p--) {
            ExtractableResponse<Response> page = given().queryParam("page", p).queryParam("size", 100).get(PUBLIC)
                    .then().statusCode(200).body("page", equalTo(p)).body("size", equalTo(100)).extract();
            if (page.jsonPath().getList("items.id").contains(plan)) {
                return page;
            }
        }
        throw new AssertionError("plan " + plan + " is on no page of the public list");
    }

    @Test
    void anUnchangedPlanAnswers304AndAChangedOneItsNewState() {
        Fixture f = fixture();
        String etag = given().get(PUBLIC + "/{id}", f.plan()).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(PUBLIC + "/{id}", f.plan()).then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, no-cache");
        given().header("If-None-Match", "\"other\"").get(PUBLIC + "/{id}", f.plan()).then().statusCode(200);

        report(f.names(), f.plan(), f.m22(), "{\"date\":\"2023-06-01\",\"status\":\"IN_PROGRESS\",\"progress\":40}");
        String after = given().header("If-None-Match", etag).get(PUBLIC + "/{id}", f.plan()).then().statusCode(200)
                .body("measures.find { it.code == '2.2' }.progress", equalTo(40))
                .body("measures.find { it.code == '2' }.progress", equalTo(70))
                .extract().header("ETag");
        assertNotEquals(etag, after);
    }

    @Test
    void anUnchangedListPageAnswers304() {
        String plan = createPlan();
        ExtractableResponse<Response> page = pageWith(plan);
        int number = page.path("page");
        String etag = page.header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).queryParam("page", number).queryParam("size", 100).get(PUBLIC)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, no-cache");
        String measure = Plans.createMeasure(plan, "1", Plans.HR);
        Plans.report(plan, measure, "{\"date\":\"2023-06-01\",\"status\":\"IN_PROGRESS\",\"progress\":40}");
        given().header("If-None-Match", etag).queryParam("page", number).queryParam("size", 100).get(PUBLIC)
                .then().statusCode(200);
    }

    @Test
    void anUnknownPlanIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().get(PUBLIC + "/{id}", unknown).then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
        given().header("If-None-Match", "*").get(PUBLIC + "/{id}", unknown).then().statusCode(404)
                .body("type", endsWith("/not-found"));
        given().get(PUBLIC + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"page, -1", "page, x", "page, 1.5", "page, ''", "size, 0", "size, 101", "size, x", "size, 99999999999"})
    void aBadPageOrSizeIsA400NamingIt(String name, String value) {
        given().queryParam(name, value).get(PUBLIC).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(name)).body("status", equalTo(400));
    }

    @Test
    void nothingButGetIsAllowed() {
        String plan = createPlan();
        given().contentType("application/json").body("{}").post(PUBLIC).then().statusCode(405);
        given().contentType("application/json").body("{}").patch(PUBLIC + "/{id}", plan).then().statusCode(405);
        given().delete(PUBLIC + "/{id}", plan).then().statusCode(405);
    }

    private static void assertNoPersonIn(String raw, Names names) {
        for (String name : names.all()) {
            assertFalse(raw.contains(name), "the public answer names " + name + ": " + raw);
        }
        for (String field : List.of("responsiblePerson", "author", "recordedBy", "actor", "sub\"", "name\"")) {
            assertFalse(raw.contains(field), "the public answer has a field " + field);
        }
        assertTrue(raw.length() > 2);
    }
}
