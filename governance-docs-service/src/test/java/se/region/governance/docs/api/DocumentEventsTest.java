package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.commons.testing.TopicReader;
import se.region.governance.docs.application.DocumentEvents;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.create;
import static se.region.governance.docs.api.Docs.createSimple;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.registrar;

/** Every change reaches governance.documents through the outbox, in order, with the changed fields. */
@QuarkusTest
class DocumentEventsTest {

    @Test
    void theWholeLifecycleIsPublishedInOrder() {
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            String old = createSimple("Gammal policy");
            registrar().body(LifecycleApiTest.ADOPT_RF).post("/api/v1/documents/{id}/adoptions", old).then().statusCode(201);
            String id = create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Ny policy\",\"type\":\"POLICY\","
                    + "\"relations\":[{\"kind\":\"REPLACES\",\"documentId\":\"" + old + "\"}]}");
            registrar().header("If-Match", etag(id)).body("{\"summary\":\"Sammanfattning\"}")
                    .patch("/api/v1/documents/{id}", id).then().statusCode(200);
            String cid = registrar().body("{\"recipients\":[\"Vision\"],\"deadline\":\"2023-11-30\"}")
                    .post("/api/v1/documents/{id}/consultations", id).then().statusCode(201).extract().path("id");
            registrar().body("{\"respondent\":\"Vision\",\"receivedOn\":\"2023-11-20\",\"position\":\"OBJECTS\"}")
                    .post("/api/v1/documents/{id}/consultations/{cid}/responses", id, cid).then().statusCode(201);
            registrar().body(LifecycleApiTest.ADOPT_RF).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
            registrar().body("{\"reason\":\"Översyn\"}").post("/api/v1/documents/{id}/reviews", id).then().statusCode(200);
            registrar().body("{\"reason\":\"Upphävs\"}").post("/api/v1/documents/{id}/repeal", id).then().statusCode(200);

            List<TopicReader.Event> events = reader.awaitSubject(id, 8, Duration.ofSeconds(30));
            assertEquals(List.of(DocumentEvents.CREATED, DocumentEvents.UPDATED, DocumentEvents.CONSULTATION_OPENED,
                            DocumentEvents.CONSULTATION_RESPONSE_RECORDED, DocumentEvents.CONSULTATION_CLOSED,
                            DocumentEvents.ADOPTED, DocumentEvents.REVIEW_STARTED, DocumentEvents.REPEALED),
                    events.stream().map(TopicReader.Event::type).toList());
            events.forEach(e -> assertEquals(id, e.key()));

            JsonNode updated = events.get(1).data();
            assertEquals("Sammanfattning", updated.path("document").path("summary").asText());
            assertTrue(hasChange(updated, "summary", null, "Sammanfattning"));
            assertEquals("OBJECTS", events.get(3).data().path("response").path("position").asText());
            assertEquals("CLOSED", events.get(4).data().path("consultation").path("status").asText());
            JsonNode adopted = events.get(5).data();
            assertEquals(1, adopted.path("version").path("number").asInt());
            assertTrue(hasChange(adopted, "status", "IN_CONSULTATION", "ADOPTED"));
            assertEquals("Upphävs", events.get(7).data().path("reason").asText());
            assertTrue(hasChange(events.get(7).data(), "status", "UNDER_REVIEW", "REPEALED"));

            List<TopicReader.Event> replaced = reader.await(
                    e -> e.key().equals(old) && e.type().equals(DocumentEvents.REPLACED), 1, Duration.ofSeconds(30));
            assertEquals(1, replaced.size());
            assertEquals(id, replaced.get(0).data().path("successorId").asText());
            assertEquals("REPLACED", replaced.get(0).data().path("document").path("status").asText());
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
