package se.region.governance.docs.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

@QuarkusTest
class LifecycleApiTest {

    static final String ADOPT_RF = "{\"decision\":{\"body\":\"REGIONFULLMAKTIGE\",\"date\":\"2023-06-21\",\"paragraph\":\"§ 72\"},"
            + "\"fileUrl\":\"https://diarium.example/styrmodell.pdf\"}";

    @Test
    void consultationResponsesAdoptionAndVersions() {
        String id = createSimple("Personalpolitisk policy");
        String consultation = registrar().body("{\"recipients\":[\"Hälso- och sjukvårdsnämnden\",\"Vision\"],"
                        + "\"deadline\":\"2023-11-30\",\"description\":\"Remissversion\"}")
                .post("/api/v1/documents/{id}/consultations", id).then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("OPEN"))
                .body("recipients", hasItems("Hälso- och sjukvårdsnämnden", "Vision"))
                .extract().path("id");
        reader().get("/api/v1/documents/{id}", id).then().body("status", equalTo("IN_CONSULTATION"));
        registrar().body("{\"respondent\":\"Vision\",\"receivedOn\":\"2023-11-20\",\"position\":\"SUPPORTS\",\"summary\":\"Tillstyrker\"}")
                .post("/api/v1/documents/{id}/consultations/{cid}/responses", id, consultation).then().statusCode(201)
                .header("Location", notNullValue()).body("respondent", equalTo("Vision"));
        registrar().body("{\"respondent\":\"Vision\",\"receivedOn\":\"2023-11-20\",\"position\":\"MAYBE\"}")
                .post("/api/v1/documents/{id}/consultations/{cid}/responses", id, consultation).then().statusCode(400)
                .body("errors[0].field", equalTo("position"));

        String versionLocation = registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id)
                .then().statusCode(201)
                .body("number", equalTo(1))
                .body("reviewDue", equalTo("2027-12-31"))
                .body("validFrom", equalTo("2023-06-21"))
                .extract().header("Location");
        reader().get(versionLocation).then().statusCode(200).body("decision.paragraph", equalTo("§ 72"));
        reader().get("/api/v1/documents/{id}", id).then()
                .body("status", equalTo("ADOPTED")).body("currentVersion", equalTo(1))
                .body("reviewDue", equalTo("2027-12-31"))
                .body("decision.body", equalTo("REGIONFULLMAKTIGE"));
        reader().get("/api/v1/documents/{id}/consultations/{cid}", id, consultation).then()
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue()).body("responses", hasSize(1));
        registrar().body("{\"respondent\":\"Kommunal\",\"receivedOn\":\"2023-12-01\",\"position\":\"COMMENTS\"}")
                .post("/api/v1/documents/{id}/consultations/{cid}/responses", id, consultation).then().statusCode(409)
                .body("type", endsWith("/consultation-closed"));

        // review, then adoption again: version 2
        registrar().body("{\"reason\":\"Ny mandatperiod\"}").post("/api/v1/documents/{id}/reviews", id)
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        registrar().body("{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2027-03-01\",\"paragraph\":\"§ 40\"}}")
                .post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201)
                .body("number", equalTo(2)).body("reviewDue", equalTo("2031-12-31"));
        reader().get("/api/v1/documents/{id}/versions", id).then().statusCode(200)
                .body("number", equalTo(java.util.List.of(1, 2)))
                .body("[0].decision.paragraph", equalTo("§ 72"));
    }

    @Test
    void illegalTransitionIs409NamingCurrentAndAllowed() {
        String id = createSimple("Regionplan");
        registrar().body("{\"reason\":\"x\"}").post("/api/v1/documents/{id}/reviews", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-transition"))
                .body("currentStatus", equalTo("DRAFT"))
                .body("allowed", equalTo(java.util.List.of("ADOPTED", "IN_CONSULTATION")));
        registrar().post("/api/v1/documents/{id}/repeal", id).then().statusCode(409);
        reader().get("/api/v1/documents/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void lifecyclePostsHonourAnOptionalIfMatch() {
        String id = createSimple("Verksamhetsplan 2024");
        registrar().header("If-Match", "\"42\"").body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id)
                .then().statusCode(412);
        registrar().header("If-Match", etag(id)).body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id)
                .then().statusCode(201);
    }

    @Test
    void repealKeepsTheDocument() {
        String id = createSimple("Gammal riktlinje");
        registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        registrar().body("{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2024-02-01\",\"paragraph\":\"§ 9\"},\"reason\":\"Ersatt av styrmodellen\"}")
                .post("/api/v1/documents/{id}/repeal", id).then().statusCode(200).body("status", equalTo("REPEALED"));
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).body("status", equalTo("REPEALED"));
        registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(409)
                .body("allowed", hasSize(0));
    }

    @Test
    void adoptingASuccessorReplacesTheOldDocument() {
        String old = createSimple("Styrmodell 2019");
        registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", old).then().statusCode(201);
        String successor = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Styrmodell 2023\",\"type\":\"GOVERNANCE_MODEL\","
                + "\"relations\":[{\"kind\":\"REPLACES\",\"documentId\":\"" + old + "\"}]}");
        registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", successor).then().statusCode(201);
        reader().get("/api/v1/documents/{id}", old).then()
                .body("status", equalTo("REPLACED")).body("successorId", equalTo(successor));
    }

    @Test
    void aSuccessorCannotReplaceADraft() {
        String draft = createSimple("Utkast");
        String successor = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Ny\",\"type\":\"POLICY\","
                + "\"relations\":[{\"kind\":\"REPLACES\",\"documentId\":\"" + draft + "\"}]}");
        registrar().body(ADOPT_RF).post("/api/v1/documents/{id}/adoptions", successor).then().statusCode(409);
        reader().get("/api/v1/documents/{id}", successor).then().body("status", equalTo("DRAFT"));
        reader().get("/api/v1/documents/{id}", draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void dueForReviewListsOverdueAndSoonDueDocumentsInForce() {
        LocalDate today = LocalDate.now();
        String soon = adoptedWithReview("Snart", today.plusDays(30));
        String overdue = adoptedWithReview("Försenad", today.minusDays(10));
        String later = adoptedWithReview("Senare", today.plusDays(400));
        String draft = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Utkast\",\"type\":\"POLICY\",\"reviewDue\":\""
                + today.plusDays(5) + "\"}");
        reader().queryParam("within", "P90D").get("/api/v1/documents/due-for-review").then().statusCode(200)
                .body("items.id", hasItems(soon, overdue))
                .body("items.id", not(hasItem(later)))
                .body("items.id", not(hasItem(draft)));
        reader().queryParam("within", "soon").get("/api/v1/documents/due-for-review").then().statusCode(400)
                .body("type", endsWith("/invalid-period"));
        reader().queryParam("within", "P-1D").get("/api/v1/documents/due-for-review").then().statusCode(400);
        UUID.fromString(later);
    }

    private static String adoptedWithReview(String title, LocalDate reviewDue) {
        String id = createSimple(title);
        registrar().body("{\"decision\":{\"body\":\"COMMITTEE\",\"committee\":\"Hälso- och sjukvårdsnämnden\",\"date\":\"2024-01-10\","
                        + "\"paragraph\":\"§ 1\"},\"reviewDue\":\"" + reviewDue + "\"}")
                .post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        return id;
    }
}
