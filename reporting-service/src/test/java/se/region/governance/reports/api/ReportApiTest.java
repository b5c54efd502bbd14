package se.region.governance.reports.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.commons.testing.TopicReader;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/** The HTTP contract: compile, formats, free text with If-Match, recompile, finalize and its immutability, events. */
@QuarkusTest
class ReportApiTest {

    static final Section183 PLAN = new Section183();
    static final Duration DEADLINE = Duration.ofSeconds(45);
    static final List<String> KEYS = List.of("background", "documents", "measures", "examples", "next-steps", "principles");

    @Inject
    EventLog log;

    @BeforeEach
    void planKnown() {
        if (!log.planKnown(PLAN.planId)) {
            List<Section183.Event> events = PLAN.all();
            Broker.publish(events);
            Broker.await("§ 183 applied", DEADLINE, () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        }
    }

    String compile() {
        return reporter().body(august2023(PLAN.planId)).post("/api/v1/reports").then().statusCode(201).extract().path("id");
    }

    @Test
    void compilesTheAugust2023ReportFromEvents() {
        reporter().body(august2023(PLAN.planId)).post("/api/v1/reports").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/reports/[0-9a-f-]{36}")).header("ETag", notNullValue())
                .body("status", equalTo("DRAFT")).body("contentHash", nullValue())
                .body("planId", equalTo(PLAN.planId)).body("periodFrom", equalTo("2023-01-01")).body("asOf", equalTo("2023-08-31"))
                .body("compiledBy", equalTo("strateg Elin Roos Högberg")).body("compiledAt", notNullValue())
                .body("sections.key", equalTo(KEYS))
                .body("sections.find { it.key == 'documents' }.items.decisionReference",
                        hasItem("RS342/2022-" + PLAN.suffix + ", regionfullmäktige 2023-06-21 § 72"))
                .body("sections.find { it.key == 'documents' }.items.find { it.documentId == '" + PLAN.personalpolicy + "' }.category",
                        equalTo("IN_CONSULTATION"))
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '1' }.status", equalTo("BLOCKED"))
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '1' }.provenance[0].eventId", notNullValue())
                .body("sections.find { it.key == 'examples' }.items.size()", equalTo(2))
                .body("sections.find { it.key == 'principles' }.items.size()", equalTo(7));
    }

    @Test
    void invalidRequestsAreProblems() {
        reporter().body("{\"planId\":\"" + PLAN.planId + "\",\"periodFrom\":\"2023-09-01\",\"periodTo\":\"2023-08-31\",\"title\":\"x\"}")
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
        reporter().body("{\"planId\":\"" + PLAN.planId + "\",\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-08-31\"}")
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
        reporter().body(august2023("00000000-0000-0000-0000-000000000000")).post("/api/v1/reports").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("unknown-plan"));
        reporter().body("{not json").post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
        reader().get("/api/v1/reports/{id}", java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsReportsOfAPlanPaged() {
        String id = compile();
        reader().queryParam("planId", PLAN.planId).queryParam("size", 50).get("/api/v1/reports").then().statusCode(200)
                .body("items.id", hasItem(id)).body("page", equalTo(0)).body("size", equalTo(50)).body("total", notNullValue())
                // a summary per report: the list never carries sections (megabytes for a large plan)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("DRAFT"))
                .body("items.find { it.id == '" + id + "' }.planId", equalTo(PLAN.planId))
                .body("items.find { it.id == '" + id + "' }.title", notNullValue())
                .body("items.find { it.id == '" + id + "' }", not(hasKey("sections")));
        reader().queryParam("planId", "no-such-plan").get("/api/v1/reports").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void answersInEveryFormatByAccept() throws Exception {
        String id = compile();
        String md = reader().accept("text/markdown").get("/api/v1/reports/{id}", id).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        for (String heading : List.of("## Bakgrund", "## Översyn av styrdokument", "## Åtgärder och uppföljning",
                "## Konkreta exempel på hur en tillitsbaserad styrning omsatts i praktiken", "## Vad händer härnäst?",
                "## Principerna i styrdokument och åtgärder")) {
            assertTrue(md.contains(heading + "\n"), heading);
        }
        assertTrue(md.contains("regionfullmäktige 2023-06-21 § 72"));

        byte[] html = reader().accept("text/html").get("/api/v1/reports/{id}", id).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document dom = f.newDocumentBuilder().parse(new ByteArrayInputStream(html)); // throws unless well-formed
        assertEquals("sv", dom.getDocumentElement().getAttribute("lang"));
        assertEquals(6, dom.getElementsByTagName("h2").getLength());
        assertEquals(2, dom.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
        assertTrue(dom.getElementsByTagName("table").getLength() >= 3);
        assertTrue(new String(html, StandardCharsets.UTF_8).contains("@media print"));

        byte[] pdf = reader().accept("application/pdf").get("/api/v1/reports/{id}", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String words : List.of("Översyn av styrdokument", "Vad händer härnäst?", "Åtgärder och uppföljning",
                    "regionfullmäktige 2023-06-21 § 72", "öppenhet", "chefens meny")) {
                assertTrue(text.contains(words), words);
            }
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.getName().contains("DejaVu"), font.getName());
            assertTrue(font.isEmbedded());
            assertTrue(doc.getDocumentCatalog().getMarkInfo() != null && doc.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            assertEquals("sv", doc.getDocumentCatalog().getLanguage());
        }

        reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200).body("id", equalTo(id));
        reader().accept("image/png").get("/api/v1/reports/{id}", id).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void freeTextNeedsIfMatchAndSurvivesARecompile() {
        String id = compile();
        String etag = reader().get("/api/v1/reports/{id}", id).then().statusCode(200).extract().header("ETag");
        reporter().body("{\"preface\":\"Förord\"}").patch("/api/v1/reports/{id}", id).then().statusCode(428)
                .contentType("application/problem+json");
        reporter().header("If-Match", "\"999\"").body("{\"preface\":\"Förord\"}").patch("/api/v1/reports/{id}", id).then()
                .statusCode(412).contentType("application/problem+json");
        String etag2 = reporter().header("If-Match", etag).body("{\"preface\":\"Ett förord om tillit.\",\"conclusion\":\"Slutord.\"}")
                .patch("/api/v1/reports/{id}", id).then().statusCode(200).body("preface", equalTo("Ett förord om tillit."))
                .extract().header("ETag");
        assertFalse(etag.equals(etag2));
        reporter().post("/api/v1/reports/{id}/recompile", id).then().statusCode(200)
                .body("preface", equalTo("Ett förord om tillit.")).body("conclusion", equalTo("Slutord."))
                .body("status", equalTo("DRAFT"));
        assertTrue(reader().accept("text/markdown").get("/api/v1/reports/{id}", id).asString().contains("Ett förord om tillit."));
    }

    @Test
    void aRecompileTakesInEventsThatArrivedSince() {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.all();
        Broker.publish(events);
        Broker.await("plan applied", DEADLINE, () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        String id = reporter().body(august2023(plan.planId)).post("/api/v1/reports").then().statusCode(201)
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '3' }.status", equalTo("PLANNED"))
                .extract().path("id");
        Section183.Event late = plan.lateUpdate("2023-06-01", "Rekryteringsstödet har börjat");
        Section183.Event afterAsOf = plan.lateUpdate("2023-09-15", "Efter rapportdagen");
        Broker.publish(List.of(late, afterAsOf));
        Broker.await("late updates applied", DEADLINE, () -> log.entry(late.id()) != null && log.entry(afterAsOf.id()) != null);
        reporter().post("/api/v1/reports/{id}/recompile", id).then().statusCode(200)
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '3' }.status", equalTo("IN_PROGRESS"))
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '3' }.updates.text",
                        equalTo(List.of("Rekryteringsstödet har börjat")));
    }

    @Test
    void aFinalReportIsFrozen() {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.all();
        Broker.publish(events);
        Broker.await("plan applied", DEADLINE, () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        String id = reporter().body(august2023(plan.planId)).post("/api/v1/reports").then().statusCode(201).extract().path("id");

        Response finalized = reporter().post("/api/v1/reports/{id}/finalize", id);
        finalized.then().statusCode(200).body("status", equalTo("FINAL")).body("contentHash", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("finalizedAt", notNullValue());
        String hash = finalized.path("contentHash");
        byte[] json = reader().accept("application/json").get("/api/v1/reports/{id}", id).asByteArray();
        byte[] pdf = reader().accept("application/pdf").get("/api/v1/reports/{id}", id).asByteArray();
        byte[] md = reader().accept("text/markdown").get("/api/v1/reports/{id}", id).asByteArray();
        assertTrue(new String(md, StandardCharsets.UTF_8).contains(hash));

        // data inside the report's period changes after it was finalized
        Section183.Event late = plan.lateUpdate("2023-06-01", "Efterregistrerad uppföljning inom perioden");
        Broker.publish(List.of(late));
        Broker.await("late update applied", DEADLINE, () -> log.entry(late.id()) != null);
        assertTrue(reporter().body(august2023(plan.planId)).post("/api/v1/reports").then().statusCode(201).extract().asString()
                .contains("Efterregistrerad uppföljning inom perioden"), "a new compilation sees the change");

        assertArrayEquals(json, reader().accept("application/json").get("/api/v1/reports/{id}", id).asByteArray());
        assertArrayEquals(pdf, reader().accept("application/pdf").get("/api/v1/reports/{id}", id).asByteArray());
        assertArrayEquals(md, reader().accept("text/markdown").get("/api/v1/reports/{id}", id).asByteArray());
        reader().get("/api/v1/reports/{id}", id).then().body("contentHash", equalTo(hash));

        reporter().post("/api/v1/reports/{id}/finalize", id).then().statusCode(409).contentType("application/problem+json");
        reporter().post("/api/v1/reports/{id}/recompile", id).then().statusCode(409).contentType("application/problem+json");
        reporter().header("If-Match", "*").body("{\"preface\":\"x\"}").patch("/api/v1/reports/{id}", id).then().statusCode(409)
                .contentType("application/problem+json");

        try (TopicReader topic = new TopicReader(TestTopics.onBroker("reporting.reports"))) {
            List<TopicReader.Event> published = topic.awaitSubject(id, 2, DEADLINE);
            assertEquals(List.of("reporting.report.compiled", "reporting.report.finalized"),
                    published.stream().map(TopicReader.Event::type).toList());
            assertEquals(hash, published.get(1).data().path("report").path("contentHash").asText());
            assertEquals("FINAL", published.get(1).data().path("report").path("status").asText());
            assertEquals(id, published.get(0).key());
        }
    }

    @Test
    void showsEachConsumersLastEventAndLag() {
        io.restassured.RestAssured.given().auth().oauth2(se.region.governance.commons.testing.TestTokens.token(
                se.region.governance.commons.security.Roles.ADMIN)).get("/api/v1/reports/consumers").then().statusCode(200)
                .body("topics.topic", equalTo(List.of("governance.documents", "actionplan.plans")))
                .body("topics[1].lastApplied.eventId", notNullValue())
                .body("topics[1].lastApplied.appliedAt", notNullValue())
                .body("topics[1].broker.lag", notNullValue())
                .body("topics[1].sinceStart.received", notNullValue());
    }

    @Test
    void readinessIncludesTheConsumers() {
        String ready = io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check")).extract().asString();
        assertTrue(ready.contains("governance-documents") && ready.contains("actionplan-plans"), ready);
    }
}
