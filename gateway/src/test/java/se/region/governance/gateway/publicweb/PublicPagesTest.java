package se.region.governance.gateway.publicweb;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTokens;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public pages and the open read routes, in front of FakePublicServices (the contract's shapes). */
@QuarkusTest
@QuarkusTestResource(value = FakePublicServices.class, restrictToAnnotatedClass = true)
class PublicPagesTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A visitor from an address of its own, so one test's traffic does not use up another's rate limit. */
    private static RequestSpecification visitor() {
        int n = CLIENTS.incrementAndGet();
        return given().urlEncodingEnabled(false).header("X-Forwarded-For", "198.51.100." + n).redirects().follow(false);
    }

    private static String page(String path) {
        return visitor().get(path).then().statusCode(200).contentType("text/html")
                .header("Cache-Control", "public, no-cache").extract().asString();
    }

    /** Every page: Swedish, a skip link first, main landmark, the menu, a footer, one h1. */
    private static void assertLayout(String html) {
        assertTrue(html.contains("<html lang=\"sv\">"), html);
        int skip = html.indexOf("href=\"#innehall\">Till innehållet</a>");
        assertTrue(skip > 0 && html.indexOf("<a ") == html.indexOf("<a class=\"skip-link\""), "the skip link comes first");
        assertTrue(html.contains("<main id=\"innehall\""));
        assertTrue(html.contains("<nav aria-label=\"Huvudmeny\">"));
        assertTrue(html.contains("<a href=\"/public/documents\">Styrdokument</a>"));
        assertTrue(html.contains("<a href=\"/public/plans\">Handlingsplaner</a>"));
        assertTrue(html.contains("<a href=\"/public/reports\">Rapporter</a>"));
        assertTrue(html.contains("<footer"));
        assertEquals(1, html.split("<h1").length - 1, "one h1");
        assertFalse(html.contains("<script"), "no JavaScript");
    }

    @Test
    void theStartPageLinksTheThreePartsAndPublicRedirectsToIt() {
        assertLayout(page("/public/"));
        visitor().get("/public").then().statusCode(301).header("Location", "/public/");
    }

    @Test
    void theRegisterSearchesPassesTheFiltersOnAndKeepsThemInThePaging() {
        String html = page("/public/documents?q=tillit%20%3Cb%3E&type=POLICY&principle=TRUST&status=ADOPTED&page=1");
        assertLayout(html);
        assertTrue(html.contains("<form role=\"search\""));
        assertTrue(html.contains("<input id=\"q\" name=\"q\" type=\"search\" value=\"tillit &lt;b&gt;\">"), html);
        assertTrue(html.contains("<option value=\"POLICY\" selected>policy</option>"));
        assertTrue(html.contains("<option value=\"TRUST\" selected>tillit</option>"));
        assertTrue(html.contains("<option value=\"ADOPTED\" selected>fastställd</option>"));
        assertTrue(html.contains("<ol class=\"results\""));
        assertTrue(html.contains("<a href=\"/public/documents/" + FakePublicServices.DOC + "\">"));
        assertTrue(html.contains("policy · fastställd · RS342/2022"), "Swedish labels, not codes");
        assertTrue(html.contains("href=\"/public/documents?q=tillit+%3Cb%3E&amp;type=POLICY&amp;principle=TRUST&amp;status=ADOPTED&amp;page=0\" rel=\"prev\">Föregående"), html);
        assertTrue(html.contains("page=2\" rel=\"next\">Nästa"));
        assertTrue(FakePublicServices.RECEIVED.stream().anyMatch(r -> r.startsWith(
                "GET /api/v1/public/documents?q=tillit+%3Cb%3E&type=POLICY&principle=TRUST&status=ADOPTED&page=1&size=20 none")),
                FakePublicServices.RECEIVED.toString());
    }

    @Test
    void badSearchValuesAre400PagesNamingTheField() {
        visitor().get("/public/documents?type=NOPE").then().statusCode(400).contentType("text/html")
                .body(containsString("(type)"), containsString("<html lang=\"sv\">"));
        visitor().get("/public/documents?page=-1").then().statusCode(400).body(containsString("(page)"));
        visitor().get("/public/documents?status=DRAFT").then().statusCode(400).body(containsString("(status)"));
        visitor().get("/public/plans?page=x").then().statusCode(400).body(containsString("(page)"));
    }

    @Test
    void aDocumentShowsItsFactsVersionsAndPrinciplesWithHostileTextEscaped() {
        String html = page("/public/documents/" + FakePublicServices.DOC);
        assertLayout(html);
        assertFalse(html.contains("<script>alert"), "hostile text is escaped");
        assertTrue(html.contains("<h1>Policy för tillitsbaserad styrning &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;</h1>"), html);
        assertTrue(html.contains("<dt>Diarienummer</dt><dd>RS342/2022</dd>"));
        assertTrue(html.contains("<dt>Typ</dt><dd>policy (politiskt)</dd>"));
        assertTrue(html.contains("<dt>Status</dt><dd>fastställd</dd>"));
        assertTrue(html.contains("<dt>Beslut</dt><dd>regionfullmäktige 2023-06-21 § 72</dd>"));
        assertTrue(html.contains("<dt>Nästa översyn</dt><dd>2027-06-30</dd>"));
        assertTrue(html.contains("<figcaption>tillit</figcaption>"));
        assertTrue(html.contains("<blockquote><p>Tillit genom hela styrkedjan</p></blockquote>"));
        assertTrue(html.contains("regionstyrelsen 2019-03-01 § 12"), "the first version's decision");
        assertTrue(html.contains("href=\"https://diariet.example/policy.pdf\""));
        assertFalse(html.contains("javascript:"), "a link is http(s) or none");
    }

    @Test
    void thePlanShowsItsProgressChartMeasuresAndReports() {
        String html = page("/public/plans/" + FakePublicServices.PLAN);
        assertLayout(html);
        assertTrue(html.contains("<h1>Handlingsplan för tillitsbaserad styrning och ledning</h1>"));
        assertTrue(html.contains("regionstyrelsen 2022-08-17 § 183"));
        assertTrue(html.contains("<dt>Period</dt><dd>2022-08-17 – 2024-12-31</dd>"));
        assertTrue(html.contains("<progress max=\"100\" value=\"38\""), "overall progress, rounded");
        assertTrue(html.contains("<svg role=\"img\""));
        assertTrue(html.contains("<title id=\"diagram-titel\">Åtgärder efter status</title>"));
        assertTrue(html.contains("planerad 1, pågår 2, hindrad 0, genomförd 1, avbruten 0 (totalt 4)"), "the figures in text");
        assertTrue(html.contains("<tr><th scope=\"row\">pågår</th><td>2</td></tr>"));
        assertEquals(4, html.split("<article class=\"measure").length - 1, "four measures");
        assertTrue(html.contains("<h3>1 Plan för att konkretisera tillitsbaserad styrning</h3>"));
        assertTrue(html.contains("<progress max=\"100\" value=\"50\" aria-label=\"Åtgärd 1\"></progress>\n    <span class=\"percent\">50 %</span> · pågår"), html);
        assertTrue(html.contains("<span class=\"percent\">100 %</span> · genomförd"));
        assertTrue(html.contains("<strong>försenad</strong>"));
        assertTrue(html.contains("Ledarskapskursen Utvecklande ledarskap pågår."));
        assertTrue(html.contains("2023-03-01, dialog med Kommunal, Vårdförbundet: Synpunkter på planen."));
        assertTrue(html.contains("samverkansgrupp med Arbetsgivaren, Vision"));
        assertTrue(html.contains("<section id=\"rapporter\""));
        assertTrue(html.contains("<a href=\"/public/reports/" + FakePublicServices.REPORT + "\">Uppföljning av handlingsplan"));
        assertTrue(page("/public/plans").contains("<a href=\"/public/plans/" + FakePublicServices.PLAN + "\">"));
    }

    @Test
    void aReportEmbedsTheFragmentAndItsPdfStreamsThrough() {
        String html = page("/public/reports/" + FakePublicServices.REPORT);
        assertLayout(html);
        assertTrue(html.contains("<h1>Uppföljning av handlingsplan för tillitsbaserad styrning, augusti 2023</h1>"));
        assertTrue(html.contains(FakePublicServices.FRAGMENT), "the service's fragment verbatim");
        assertTrue(html.contains("<a class=\"file-link\" href=\"/public/reports/" + FakePublicServices.REPORT + ".pdf\">Ladda ner som PDF</a>"));
        assertTrue(page("/public/reports").contains("<a href=\"/public/reports/" + FakePublicServices.REPORT + "\">"));

        byte[] pdf = visitor().get("/public/reports/" + FakePublicServices.REPORT + ".pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("filename="))
                .extract().asByteArray();
        assertArrayEquals(FakePublicServices.PDF, pdf);
        visitor().header("If-None-Match", "\"pdf-1\"").get("/public/reports/" + FakePublicServices.REPORT + ".pdf")
                .then().statusCode(304);
    }

    @Test
    void pagesCarryAnEtagAndAnswer304() {
        String path = "/public/plans/" + FakePublicServices.PLAN;
        String etag = visitor().get(path).then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\""), etag);
        visitor().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
        visitor().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
        String css = visitor().get("/public/style.css").then().statusCode(200).contentType("text/css")
                .body(containsString("@media print")).extract().header("ETag");
        visitor().header("If-None-Match", css).get("/public/style.css").then().statusCode(304);
    }

    @Test
    void anUnknownOrNonPublicIdIsA404PageInTheSameDesign() {
        for (String path : new String[] {"/public/documents/" + FakePublicServices.UNKNOWN, "/public/plans/" + FakePublicServices.UNKNOWN,
                "/public/reports/" + FakePublicServices.UNKNOWN, "/public/reports/" + FakePublicServices.UNKNOWN + ".pdf",
                "/public/documents/not-an-id", "/public/nothing-here"}) {
            String html = visitor().get(path).then().statusCode(404).contentType("text/html").extract().asString();
            assertLayout(html);
            assertTrue(html.contains("<h1>Sidan finns inte</h1>"), path);
        }
    }

    @Test
    void aFailingServiceIsA503PageNeverAStackTrace() {
        for (String path : new String[] {"/public/documents/" + FakePublicServices.DOWN, "/public/plans/" + FakePublicServices.BROKEN,
                "/public/reports/" + FakePublicServices.DOWN + ".pdf"}) {
            String html = visitor().get(path).then().statusCode(503).contentType("text/html")
                    .header("Retry-After", "5").extract().asString();
            assertLayout(html);
            assertTrue(html.contains("Tjänsten är inte tillgänglig just nu"), path);
            assertFalse(html.contains("Exception"), path);
        }
    }

    @Test
    void anonymousTrafficIsRateLimitedPerAddress() {
        RequestSpecification busy = given().header("X-Forwarded-For", "203.0.113.77");
        int limited = 0;
        ExtractableResponse<Response> last = null;
        for (int i = 0; i < 30; i++) {
            var r = busy.get(i % 2 == 0 ? "/public/style.css" : "/api/v1/public/plans").then().extract();
            if (r.statusCode() == 429) {
                limited++;
                last = r;
            }
        }
        assertTrue(limited >= 5, "the burst is 20 and the refill 1/s: some of 30 quick requests are refused, were " + limited);
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        given().header("X-Forwarded-For", "203.0.113.77").get("/public/").then().statusCode(429)
                .contentType("text/html").body(containsString("För många förfrågningar"));
        given().header("X-Forwarded-For", "203.0.113.77").get("/api/v1/public/plans").then().statusCode(429)
                .contentType("application/problem+json").body("type", endsWith("/too-many-requests"));
        visitor().get("/public/").then().statusCode(200); // another address is not affected
    }

    @Test
    void thePublicApiIsOpenWithoutATokenDropsOneSentAndRefusesWrites() {
        visitor().get("/api/v1/public/plans/" + FakePublicServices.PLAN).then().statusCode(200)
                .body("title", equalTo("Handlingsplan för tillitsbaserad styrning och ledning"));
        visitor().auth().oauth2(TestTokens.wrongKey("reader")).get("/api/v1/public/documents/" + FakePublicServices.DOC)
                .then().statusCode(200).body("diaryNumber", equalTo("RS342/2022"));
        assertTrue(FakePublicServices.RECEIVED.stream().filter(r -> r.contains("/api/v1/public/"))
                .allMatch(r -> r.endsWith(" none")), "no token reaches a service: " + FakePublicServices.RECEIVED);
        visitor().head("/api/v1/public/reports/" + FakePublicServices.REPORT).then().statusCode(200);
        visitor().get("/api/v1/public/documents/" + FakePublicServices.UNKNOWN).then().statusCode(404)
                .contentType("application/problem+json");
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            visitor().auth().oauth2(TestTokens.token("admin")).contentType("application/json").body("{}")
                    .request(method, "/api/v1/public/documents").then().statusCode(405)
                    .header("Allow", "GET, HEAD").contentType("application/problem+json");
        }
        visitor().post("/public/documents").then().statusCode(405).contentType("text/html");
        // the rest of the API still wants a token
        visitor().get("/api/v1/documents").then().statusCode(401);
        assertFalse(FakePublicServices.RECEIVED.stream().anyMatch(r -> r.startsWith("POST") || r.startsWith("PUT")
                || r.startsWith("PATCH") || r.startsWith("DELETE")), "no write reaches a service");
    }

    @Test
    void theMergedOpenApiIsNotBrokenByThePublicRoutes() {
        visitor().get("/openapi").then().statusCode(not(equalTo(500)));
    }
}
