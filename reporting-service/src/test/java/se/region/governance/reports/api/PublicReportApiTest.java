package se.region.governance.reports.api;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.rendering.RenderBound;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/**
 * The public reports (ADR 10): without a token, FINAL reports only, in every format and as an HTML fragment, with no
 * person's name (the compiler's, the updates' authors), revalidated by ETag; a DRAFT is not found and not listed.
 */
@QuarkusTest
class PublicReportApiTest {

    static final Section183 PLAN = new Section183();
    static final Duration DEADLINE = Duration.ofSeconds(45);
    /** Who compiled the report, and who wrote the § 183 updates (Section183): in the authenticated report, never public. */
    static final String COMPILER = "Kerstin Offentligsson";
    static final List<String> NAMES = List.of(COMPILER, "Offentligsson", "Roos Högberg", "Högberg");
    static final String HOSTILE = "<script>alert('x')</script> & <b>fet</b>";
    static final Set<String> FORMATS = Set.of("application/json", "text/markdown", "text/html", "application/pdf");

    static String finalId;

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

    static String compile() {
        String body = august2023(PLAN.planId).replace("strateg Elin Roos Högberg", COMPILER);
        return reporter().body(body).post("/api/v1/reports").then().statusCode(201).extract().path("id");
    }

    /** A FINAL report whose preface is hostile markup; finalized once for the class. */
    static String finalReport() {
        if (finalId == null) {
            String id = compile();
            reporter().header("If-Match", "*").body("{\"preface\":\"" + HOSTILE.replace("'", "\\u0027") + "\"}")
                    .patch("/api/v1/reports/{id}", id).then().statusCode(200);
            reporter().post("/api/v1/reports/{id}/finalize", id).then().statusCode(200).body("status", equalTo("FINAL"));
            finalId = id;
        }
        return finalId;
    }

    static Response anonymous(String accept, String path, Object... params) {
        return given().accept(accept).get(path, params);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    static void assertNoName(String where, String text) {
        for (String name : NAMES) {
            assertFalse(text.contains(name), where + " names " + name + ": " + text);
        }
    }

    @Test
    void theAuthenticatedReportNamesThePeopleThePublicOneInNoFormat() throws IOException {
        String id = finalReport();
        String named = reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200).extract().asString();
        assertTrue(named.contains(COMPILER) && named.contains("Elin Roos Högberg"), "the test's names are in the report: " + named);
        assertTrue(reader().accept("text/markdown").get("/api/v1/reports/{id}", id).asString().contains(COMPILER));
        assertTrue(text(reader().accept("application/pdf").get("/api/v1/reports/{id}", id).asByteArray()).contains(COMPILER));

        Response json = anonymous("application/json", "/api/v1/public/reports/{id}", id);
        json.then().statusCode(200).contentType("application/json").body("id", equalTo(id)).body("status", equalTo("FINAL"))
                .body("title", containsString("tillitsbaserad styrning")).body("finalizedAt", notNullValue())
                .body("sections.key", hasItem("measures"))
                .body("sections.find { it.key == 'measures' }.items.find { it.code == '1' }.updates.size()", greaterThan(0))
                .body("sections.find { it.key == 'measures' }.items.findAll { it.updates != null }.updates.flatten().author",
                        everyItem(nullValue()));
        Map<String, Object> members = json.jsonPath().getMap("");
        assertFalse(members.containsKey("compiledBy") || members.containsKey("contentHash"), members.keySet().toString());
        assertNoName("JSON", json.asString());

        String md = anonymous("text/markdown", "/api/v1/public/reports/{id}", id).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertTrue(md.contains("## Åtgärder och uppföljning"), md);
        assertNoName("Markdown", md);

        String html = anonymous("text/html", "/api/v1/public/reports/{id}", id).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<h1>") && html.contains("<svg"), html);
        assertNoName("HTML", html);

        Response pdf = anonymous("application/pdf", "/api/v1/public/reports/{id}", id);
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"rapport-" + id + ".pdf\""));
        byte[] bytes = pdf.asByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String pdfText = text(bytes);
        assertTrue(pdfText.contains("Åtgärder och uppföljning"), pdfText);
        assertNoName("PDF", pdfText);

        assertNoName("fragment", anonymous("text/html", "/api/v1/public/reports/{id}/fragment", id).asString());
    }

    @Test
    void everyFormatHasItsEntityTagAndAnswers304() {
        String id = finalReport();
        String authenticated = reader().accept("application/json").get("/api/v1/reports/{id}", id).header("ETag");
        for (String format : FORMATS) {
            Response r = anonymous(format, "/api/v1/public/reports/{id}", id);
            r.then().statusCode(200).header("Vary", containsString("Accept")).header("Cache-Control", equalTo("public, no-cache"));
            String etag = r.header("ETag");
            assertNotEquals(authenticated, etag, "the public rendering has a tag of its own");
            given().accept(format).header("If-None-Match", etag).get("/api/v1/public/reports/{id}", id).then().statusCode(304)
                    .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, no-cache"));
            given().accept(format).header("If-None-Match", "\"other\"").get("/api/v1/public/reports/{id}", id).then()
                    .statusCode(200);
        }
        String etag = anonymous("text/html", "/api/v1/public/reports/{id}/fragment", id).header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/public/reports/{id}/fragment", id).then().statusCode(304)
                .header("Cache-Control", equalTo("public, no-cache"));
    }

    @Test
    void theFragmentIsTheBodyAloneWithUserTextEscaped() {
        String id = finalReport();
        String fragment = given().get("/api/v1/public/reports/{id}/fragment", id).then().statusCode(200)
                .contentType("text/html;charset=UTF-8").header("Cache-Control", equalTo("public, no-cache"))
                .header("ETag", notNullValue()).extract().asString();
        for (String element : new String[]{"<html", "<head", "<body", "<h1", "<style", "<main", "<footer", "<script"}) {
            assertFalse(fragment.contains(element), "no " + element + " in " + fragment);
        }
        assertTrue(fragment.contains("<h2>Åtgärder och uppföljning</h2>"), fragment);
        assertTrue(fragment.contains("<svg") && fragment.contains("role=\"img\""), "the charts: " + fragment);
        assertTrue(fragment.contains("&lt;script&gt;") && fragment.contains("&lt;b&gt;fet&lt;/b&gt;"), fragment);
        String page = anonymous("text/html", "/api/v1/public/reports/{id}", id).asString();
        assertTrue(page.contains(fragment.strip()), "the fragment is the page's body");
    }

    @Test
    void aDraftIsNotFoundAndNotListed() {
        String draft = compile();
        String id = finalReport();
        for (String path : new String[]{"/api/v1/public/reports/" + draft, "/api/v1/public/reports/" + UUID.randomUUID()}) {
            for (String format : FORMATS) {
                given().accept(format).get(path).then().statusCode(404).contentType("application/problem+json")
                        .body("type", containsString("not-found"));
            }
        }
        given().get("/api/v1/public/reports/{id}/fragment", draft).then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
        given().queryParam("planId", PLAN.planId).queryParam("size", 100).get("/api/v1/public/reports").then().statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .body("items.id", hasItem(id)).body("items.id", not(hasItem(draft)))
                .body("items.find { it.id == '" + id + "' }.keySet()",
                        equalTo(Set.of("id", "planId", "title", "periodFrom", "periodTo", "asOf", "finalizedAt")))
                .body("size", equalTo(100)).body("page", equalTo(0));
        List<Map<String, Object>> all = given().queryParam("size", 100).get("/api/v1/public/reports").then().statusCode(200)
                .extract().path("items");
        all.forEach(item -> assertTrue(item.get("finalizedAt") != null, "only FINAL reports: " + item));
        assertFalse(all.stream().anyMatch(item -> draft.equals(item.get("id"))));
    }

    @Test
    void theListIsPagedRevalidatedAndRefusesBadParameters() {
        finalReport();
        Response first = given().queryParam("planId", PLAN.planId).get("/api/v1/public/reports");
        first.then().statusCode(200).body("size", equalTo(20)).body("total", notNullValue());
        String etag = first.header("ETag");
        given().queryParam("planId", PLAN.planId).header("If-None-Match", etag).get("/api/v1/public/reports").then()
                .statusCode(304);
        for (String[] bad : new String[][]{{"size", "0"}, {"size", "101"}, {"page", "-1"}, {"size", "x"},
                {"page", ""}}) {
            given().queryParam(bad[0], bad[1]).get("/api/v1/public/reports").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void anUnknownFormatIs406() {
        String id = finalReport();
        given().accept("image/png").get("/api/v1/public/reports/{id}", id).then().statusCode(406);
    }

    @Test
    void aRenderOnAMissRespectsTheBound() {
        String id = compile();
        reporter().post("/api/v1/reports/{id}/finalize", id).then().statusCode(200);
        QuarkusMock.installMockForType(new RenderBound(0, 0), RenderBound.class);
        for (String format : new String[]{"application/pdf", "text/html", "text/markdown"}) {
            given().accept(format).get("/api/v1/public/reports/{id}", id).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", containsString("renderers-busy"));
        }
        given().accept("application/json").get("/api/v1/public/reports/{id}", id).then().statusCode(200);
    }
}
