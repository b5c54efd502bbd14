package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.commons.testing.TopicReader;
import se.region.governance.docs.application.DocumentEvents;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * The business dates a registrar may give for what happened before it was registered: a review's
 * {@code startedOn} and a document's {@code draftingSince}. Stored, audited, published, never in the future.
 */
@QuarkusTest
class BusinessDatesApiTest {

    @Inject
    ValidatorFactory validation;

    @Test
    void notInTheFutureMeansByTheSwedishCalendar() {
        // just after midnight in Stockholm it is still yesterday in UTC: today's date must pass @PastOrPresent then
        assertEquals(ZoneId.of("Europe/Stockholm"), validation.getClockProvider().getClock().getZone());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm"));
    }

    static String adopted(String title) {
        String id = createSimple(title);
        registrar().body("{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2022-01-10\"}}")
                .post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        return id;
    }

    @Test
    void aReviewStartedOnAGivenDayIsAuditedAndPublishedWithThatDay() {
        try (TopicReader topic = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            String id = adopted("Regionstyrelsens delegationsordning");
            registrar().body("{\"reason\":\"RS 2022-08-17 § 183\",\"startedOn\":\"2022-08-17\"}")
                    .post("/api/v1/documents/{id}/reviews", id).then().statusCode(200)
                    .body("status", equalTo("UNDER_REVIEW"));
            reader().get("/api/v1/documents/{id}/history", id).then().statusCode(200)
                    .body("items.find { it.action == 'review-started' && it.field == 'startedOn' }.newValue",
                            equalTo("2022-08-17"))
                    .body("items.find { it.action == 'review-started' && it.field == 'startedOn' }.sub",
                            equalTo("anna.registrator"))
                    .body("items.find { it.action == 'review-started' && it.field == 'reason' }.newValue",
                            equalTo("RS 2022-08-17 § 183"))
                    .body("items.find { it.action == 'review-started' && it.field == 'status' }.newValue",
                            equalTo("UNDER_REVIEW"));

            JsonNode data = reviewStarted(topic, id);
            assertEquals("2022-08-17", data.path("startedOn").asText());
            assertEquals("RS 2022-08-17 § 183", data.path("reason").asText());
            assertEquals("UNDER_REVIEW", data.path("document").path("status").asText());
        }
    }

    @Test
    void aReviewWithoutADayStartsTodayInStockholm() {
        try (TopicReader topic = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            String id = adopted("Riktlinje utan datum för översynen");
            registrar().post("/api/v1/documents/{id}/reviews", id).then().statusCode(200); // no body at all
            LocalDate after = today();
            JsonNode data = reviewStarted(topic, id);
            LocalDate startedOn = LocalDate.parse(data.path("startedOn").asText());
            assertTrue(!startedOn.isAfter(after) && !startedOn.isBefore(after.minusDays(1)), startedOn + " is today");
            assertFalse(data.has("reason"), "no reason given, none published");
            reader().get("/api/v1/documents/{id}/history", id).then()
                    .body("items.find { it.action == 'review-started' && it.field == 'startedOn' }.newValue",
                            equalTo(startedOn.toString()));
        }
    }

    @Test
    void aReviewCannotStartInTheFuture() {
        String id = adopted("Policy med framtida översyn");
        registrar().body("{\"reason\":\"Ny mandatperiod\",\"startedOn\":\"" + today().plusDays(2) + "\"}")
                .post("/api/v1/documents/{id}/reviews", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItem("startedOn"))
                .body("errors.find { it.field == 'startedOn' }.message", equalTo("must not be in the future"));
        registrar().body("{\"startedOn\":\"2022-13-01\"}").post("/api/v1/documents/{id}/reviews", id).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("startedOn"));
        reader().get("/api/v1/documents/{id}", id).then().body("status", equalTo("ADOPTED"));
        registrar().body("{\"startedOn\":\"" + today() + "\"}").post("/api/v1/documents/{id}/reviews", id).then()
                .statusCode(200);
    }

    @Test
    void aReviewCannotStartBeforeTheVersionInForceWasDecided() {
        String id = adopted("Policy vars översyn föregår beslutet"); // decided 2022-01-10
        registrar().body("{\"startedOn\":\"2022-01-09\"}").post("/api/v1/documents/{id}/reviews", id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.find { it.field == 'startedOn' }.message",
                        equalTo("must not be before the decision date of the version in force (2022-01-10)"));
        reader().get("/api/v1/documents/{id}", id).then().body("status", equalTo("ADOPTED")).header("ETag", "\"1\"");
        registrar().body("{\"startedOn\":\"2022-01-10\"}").post("/api/v1/documents/{id}/reviews", id).then()
                .statusCode(200).body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void draftingSinceRoundTripsThroughPostPutAndPatchAndIsAudited() {
        String dnr = diary();
        String id = create("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Regionplan 2024\",\"type\":\"PLAN\","
                + "\"draftingSince\":\"2023-05-01\"}");
        reader().get("/api/v1/documents/{id}", id).then().statusCode(200).body("draftingSince", equalTo("2023-05-01"));
        reader().queryParam("diaryNumber", dnr).get("/api/v1/documents").then()
                .body("items[0].draftingSince", equalTo("2023-05-01"));

        registrar().header("If-Match", etag(id)).body("{\"summary\":\"Under framtagande\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200).body("draftingSince", equalTo("2023-05-01"));
        registrar().header("If-Match", etag(id)).body("{\"draftingSince\":\"2023-04-03\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200).body("draftingSince", equalTo("2023-04-03"));
        reader().get("/api/v1/documents/{id}/history", id).then()
                .body("items.find { it.action == 'created' && it.field == 'draftingSince' }.newValue", equalTo("2023-05-01"))
                .body("items.find { it.action == 'updated' && it.field == 'draftingSince' }.oldValue", equalTo("2023-05-01"))
                .body("items.find { it.action == 'updated' && it.field == 'draftingSince' }.newValue", equalTo("2023-04-03"));

        // PUT replaces every editable field: without draftingSince it is cleared
        registrar().header("If-Match", etag(id))
                .body("{\"diaryNumber\":\"" + dnr + "\",\"title\":\"Regionplan 2024\",\"type\":\"PLAN\"}")
                .put("/api/v1/documents/{id}", id).then().statusCode(200).body("draftingSince", nullValue());
    }

    @Test
    void draftingSinceCannotLieInTheFuture() {
        String future = today().plusDays(2).toString();
        registrar().body("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Verksamhetsplaner 2030\",\"type\":\"PLAN\","
                        + "\"draftingSince\":\"" + future + "\"}")
                .post("/api/v1/documents").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation")).body("errors.field", hasItem("draftingSince"));
        String id = createSimple("Verksamhetsplaner 2024");
        registrar().header("If-Match", etag(id)).body("{\"draftingSince\":\"" + future + "\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(400).body("errors.field", hasItem("draftingSince"));
        registrar().header("If-Match", etag(id)).body("{\"draftingSince\":\"" + today() + "\"}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200).body("draftingSince", equalTo(today().toString()));
    }

    @Test
    void eventsCarryDraftingSinceInTheDocumentView() {
        try (TopicReader topic = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Verksamhetsplaner 2024\",\"type\":\"PLAN\","
                    + "\"draftingSince\":\"2023-08-31\"}");
            registrar().header("If-Match", etag(id)).body("{\"draftingSince\":\"2023-06-01\"}")
                    .patch("/api/v1/documents/{id}", id).then().statusCode(200);
            List<TopicReader.Event> events = topic.awaitSubject(id, 2, Duration.ofSeconds(30));
            assertEquals(List.of(DocumentEvents.CREATED, DocumentEvents.UPDATED),
                    events.stream().map(TopicReader.Event::type).toList());
            assertEquals("2023-08-31", events.get(0).data().path("document").path("draftingSince").asText());
            JsonNode updated = events.get(1).data();
            assertEquals("2023-06-01", updated.path("document").path("draftingSince").asText());
            JsonNode change = updated.path("changes").get(0);
            assertEquals("draftingSince", change.path("field").asText());
            assertEquals("2023-08-31", change.path("previous").asText());
            assertEquals("2023-06-01", change.path("current").asText());
        }
    }

    @Test
    void csvCarriesDraftingSinceAsItsLastColumnAndOlderFilesStillImport() {
        String unit = "Csv-" + UUID.randomUUID();
        String withDate = diary();
        String withoutColumn = diary();
        registrar().contentType("text/csv").body("diaryNumber,title,type,ownerUnit,draftingSince\n"
                        + withDate + ",Regionplan 2024,PLAN," + unit + ",2023-05-01\n")
                .post("/api/v1/documents/import").then().statusCode(201).body("items[0].draftingSince", equalTo("2023-05-01"));
        registrar().contentType("text/csv").body("diaryNumber,title,type,ownerUnit\n"
                        + withoutColumn + ",Verksamhetsplaner 2024,PLAN," + unit + "\n")
                .post("/api/v1/documents/import").then().statusCode(201).body("items[0].draftingSince", nullValue());
        registrar().contentType("text/csv").body("diaryNumber,title,type,draftingSince\n"
                        + diary() + ",Framtida plan,PLAN," + today().plusDays(2) + "\n"
                        + diary() + ",Trasigt datum,PLAN,maj 2023\n")
                .post("/api/v1/documents/import").then().statusCode(400)
                .body("errors.find { it.row == 2 }.field", equalTo("draftingSince"))
                .body("errors.find { it.row == 3 }.field", equalTo("draftingSince"));

        String csv = reader().accept("text/csv").queryParam("ownerUnit", unit).queryParam("sort", "title,asc")
                .get("/api/v1/documents").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertTrue(lines[0].endsWith(",draftingSince"), lines[0]);
        assertTrue(lines[1].contains(withDate) && lines[1].endsWith(",2023-05-01"), lines[1]);
        assertTrue(lines[2].contains(withoutColumn) && lines[2].endsWith(","), lines[2]);
        // what the export wrote imports again (new diary numbers: the read-only columns are ignored)
        String again = csv.replace(withDate, diary()).replace(withoutColumn, diary());
        registrar().contentType("text/csv").body(again).post("/api/v1/documents/import").then().statusCode(201)
                .body("items.draftingSince", hasItem("2023-05-01"));
    }

    private static JsonNode reviewStarted(TopicReader topic, String id) {
        List<TopicReader.Event> events = topic.await(
                e -> e.key().equals(id) && e.type().equals(DocumentEvents.REVIEW_STARTED), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        return events.get(0).data();
    }
}
