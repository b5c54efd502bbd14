package se.region.governance.reports.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.commons.testing.AsciiJson.ABSENT;
import static se.region.governance.commons.testing.AsciiJson.json;
import static se.region.governance.reports.testing.Reports.august2023;
import static se.region.governance.reports.testing.Reports.reader;
import static se.region.governance.reports.testing.Reports.reporter;

/**
 * Property-based tests over every write of the reports API (compile, PATCH preface/conclusion, recompile, finalize):
 * arbitrary Unicode (U+0000, C0 controls, noncharacters, lone surrogates, supplementary characters, white space at the
 * edges, very long text), odd dates (year 0, 9999, beyond, "", impossible days), periods backwards, as-of dates far
 * ahead, odd If-Match values. For each request: never a 5xx; every refusal complete problem+json (a 400 names its
 * fields); what is accepted reads back exactly as sent, and renders in every format. The requests come from jqwik
 * arbitraries sampled inside a {@code @QuarkusTest} (jqwik's own engine does not start Quarkus). Bodies are written by
 * {@code AsciiJson} (commons' test-jar): every non-ASCII character escaped, so a lone surrogate stays one.
 */
@QuarkusTest
class RequestPropertiesTest {

    static final int TRIES = 50;
    static final Section183 PLAN = new Section183();

    @Inject
    EventLog log;

    @BeforeEach
    void planKnown() {
        if (!log.planKnown(PLAN.planId)) {
            List<Section183.Event> events = PLAN.all();
            Broker.publish(events);
            Broker.await("§ 183 applied", Duration.ofSeconds(60), () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        }
    }

    // ---- generators ----

    static Arbitrary<Object> text(int maxLength) {
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(" -.,§åäöÅÄÖ<>&*_#[]()`|\\\"")
                .ofMinLength(1).ofMaxLength(Math.min(maxLength, 40));
        Arbitrary<String> anyChar = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> controls = Arbitraries.strings().withChars('\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\u007F',
                '\u0085', '\t', '\n', '\r', '\uFFFE', '\uFFFF', '\uFDD0', '\uD800', '\uDBFF', '\uDC00', '\u200B', '\u00A0', 'a')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .map(cp -> "x" + new String(Character.toChars(cp)) + "y");
        Arbitrary<String> edgeSpace = plain.flatMap(s -> Arbitraries.of(" " + s, s + " ", "\t" + s, s + "\n", " ", ""));
        Arbitrary<String> atLimit = Arbitraries.of(maxLength, maxLength + 1).map("å"::repeat);
        Arbitrary<String> spaces = Arbitraries.just("a" + " ".repeat(Math.min(maxLength, 20_000) - 2) + "b");
        Arbitrary<Object> s = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(2, anyChar),
                net.jqwik.api.Tuple.of(3, controls), net.jqwik.api.Tuple.of(1, supplementary), net.jqwik.api.Tuple.of(2, edgeSpace),
                net.jqwik.api.Tuple.of(1, atLimit), net.jqwik.api.Tuple.of(1, spaces)).map(x -> x);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, s), net.jqwik.api.Tuple.of(1, Arbitraries.just(ABSENT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) null)), net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) 42)));
    }

    static Arbitrary<Object> date() {
        Arbitrary<Object> ordinary = Arbitraries.integers().between(0, 365 * 12).map(d -> java.time.LocalDate.of(2018, 1, 1)
                .plusDays(d).toString());
        Arbitrary<Object> odd = Arbitraries.of("0000-01-01", "0001-01-01", "9999-12-31", "+10000-01-01", "+999999999-12-31",
                "-0001-01-01", "-999999999-01-01", "", " ", "2023-02-30", "2023-13-01", "2023-1-1", "20230101", "x", "2023-08-31T00:00",
                "\u00002023-08-31");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, ordinary), net.jqwik.api.Tuple.of(4, odd),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(ABSENT)), net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) 20230101)));
    }

    static Arbitrary<Map<String, Object>> compileBody() {
        Arbitrary<Object> planId = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just((Object) PLAN.planId)),
                net.jqwik.api.Tuple.of(2, text(100)), net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) (" " + PLAN.planId))));
        return Combinators.combine(planId, likely("2023-01-01", date()), likely("2023-08-31", date()), likely(ABSENT, date()),
                likely("Uppföljning 2023", text(300)), likely(ABSENT, text(200))).as((p, from, to, asOf, title, by) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("planId", p);
            body.put("periodFrom", from);
            body.put("periodTo", to);
            body.put("asOf", asOf);
            body.put("title", title);
            body.put("compiledBy", by);
            body.values().removeIf(v -> v == ABSENT);
            return body;
        });
    }

    /** Mostly {@code usual}, else any of {@code odd}: most bodies then have one or two odd members, and some none. */
    static Arbitrary<Object> likely(Object usual, Arbitrary<Object> odd) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(usual)), net.jqwik.api.Tuple.of(2, odd));
    }

    static Arbitrary<Map<String, Object>> textBody() {
        return Combinators.combine(text(20_000), text(20_000)).as((preface, conclusion) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("preface", preface);
            body.put("conclusion", conclusion);
            body.values().removeIf(v -> v == ABSENT);
            return body;
        });
    }

    static Arbitrary<String> ifMatch() {
        return Arbitraries.of("\"999\"", "*", "W/\"1\"", "garbage", "\"\"", "\"-1\"", "\"99999999999999999999999\"", "\"1\", \"2\"");
    }

    // ---- properties ----

    @Test
    void compile() {
        int accepted = 0;
        for (Map<String, Object> body : compileBody().sampleStream().limit(TRIES).toList()) {
            String shown = shown(body);
            Response r = reporter().body(json(body)).post("/api/v1/reports");
            if (check(r, shown)) {
                accepted++;
                String id = r.path("id");
                JsonPath stored = reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200)
                        .extract().jsonPath();
                for (String member : List.of("planId", "title", "compiledBy", "periodFrom", "periodTo", "asOf")) {
                    if (body.get(member) != null) {
                        // a number sent for a text member is taken as its digits (the shared request mapper's coercion)
                        assertEquals(String.valueOf(body.get(member)), stored.get(member), member + " exactly as sent: " + shown);
                    }
                }
                rendersInEveryFormat(id, shown);
            }
        }
        assertTrue(accepted > 0, "some compile was accepted: the generators should make valid bodies");
    }

    @Test
    void editTheFreeText() {
        String id = compileOne();
        int accepted = 0;
        for (Map<String, Object> body : textBody().sampleStream().limit(TRIES).toList()) {
            String shown = shown(body);
            JsonPath before = reader().accept("application/json").get("/api/v1/reports/{id}", id).then().statusCode(200)
                    .extract().jsonPath();
            String etag = reader().get("/api/v1/reports/{id}", id).then().extract().header("ETag");
            Response r = reporter().header("If-Match", etag).body(json(body)).patch("/api/v1/reports/{id}", id);
            if (check(r, shown)) {
                accepted++;
                for (String member : List.of("preface", "conclusion")) {
                    Object sent = body.containsKey(member) ? body.get(member) : before.get(member);
                    Object expected = sent == null || "".equals(sent) ? (body.containsKey(member) && sent == null
                            ? before.get(member) : null) : sent;
                    assertEquals(expected == null ? null : String.valueOf(expected), r.path(member), member + " as sent (absent or null keeps it, \"\" clears it): " + shown);
                }
            }
        }
        assertTrue(accepted > 0, "some edit was accepted");
        rendersInEveryFormat(id, "the edited draft");
    }

    @Test
    void recompileAndFinalizeWithOddPreconditions() {
        for (String tag : ifMatch().sampleStream().limit(TRIES / 4).toList()) {
            String id = compileOne();
            for (String action : List.of("recompile", "finalize")) {
                check(reporter().header("If-Match", tag).post("/api/v1/reports/{id}/" + action, id), action + " If-Match " + tag);
            }
        }
        for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%C3%A5", "1e9")) {
            for (String action : List.of("recompile", "finalize")) {
                Response r = reporter().post("/api/v1/reports/" + id + "/" + action);
                check(r, action + " of " + id);
                assertEquals(404, r.statusCode(), action + " of " + id);
            }
        }
    }

    @Test
    void aDateIsExactlyADateFrom1583To9999() {
        for (Object date : List.of(" 2023-01-01", "\u00002023-01-01", "2023-01-01 ", "2023-01-01T00:00", "2023-01-01T00:00:00Z", 20230101,
                "", "-0001-01-01", "0000-01-01", "0001-01-01", "1582-10-10", "+10000-01-01", "2023-02-30", "2023-1-1")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("planId", PLAN.planId, "periodFrom", date,
                    "periodTo", "2023-08-31", "title", "Uppföljning"));
            Response r = reporter().body(json(body)).post("/api/v1/reports");
            check(r, shown(body));
            assertEquals(400, r.statusCode(), shown(body));
            assertEquals("periodFrom", r.path("errors[0].field"), shown(body));
        }
        for (String date : List.of("1583-01-01", "9999-12-31")) {
            String later = "9999-12-31".equals(date) ? date : "2023-08-31";
            Response r = reporter().body(json(Map.of("planId", PLAN.planId, "periodFrom", date, "periodTo", later,
                    "title", "Uppföljning"))).post("/api/v1/reports");
            assertEquals(201, r.statusCode(), date + ": " + r.asString());
            assertEquals(date, r.path("periodFrom"));
        }
    }

    @Test
    void listWithOddParameters() {
        List<String> pages = List.of("0", "-1", "2147483647", "10737418", "99999999999", "x", "");
        List<String> sizes = List.of("1", "0", "201", "2147483647", "x");
        for (String page : pages) {
            for (String size : sizes) {
                check(reader().queryParam("page", page).queryParam("size", size).get("/api/v1/reports"),
                        "page=" + page + "&size=" + size);
            }
        }
        for (Object planId : text(100).sampleStream().limit(TRIES).toList()) {
            if (planId != null && planId != ABSENT) {
                check(reader().queryParam("planId", planId.toString()).get("/api/v1/reports"), "planId=" + json(planId));
            }
        }
    }

    @Test
    void aReporterOfAnotherUnitChangesAndFinalizesAnyReport() {
        String id = compileOne();
        io.restassured.specification.RequestSpecification other = io.restassured.RestAssured.given().contentType("application/json")
                .auth().oauth2(TestTokens.tokenFor("annan.rapportor", "Ekonomiavdelningen", Roles.REPORTER));
        String etag = reader().get("/api/v1/reports/{id}", id).then().extract().header("ETag");
        etag = other.header("If-Match", etag).body("{\"preface\":\"Annan enhet.\"}").patch("/api/v1/reports/{id}", id).then()
                .statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.tokenFor("annan.rapportor", "Ekonomiavdelningen", Roles.REPORTER))
                .contentType("application/json").post("/api/v1/reports/{id}/recompile", id).then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.tokenFor("annan.rapportor", "Ekonomiavdelningen", Roles.REPORTER))
                .contentType("application/json").post("/api/v1/reports/{id}/finalize", id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("FINAL"));
    }

    // ---- checks ----

    String compileOne() {
        return reporter().body(august2023(PLAN.planId)).post("/api/v1/reports").then().statusCode(201).extract().path("id");
    }

    /** True for a 2xx; otherwise asserts a complete problem. Never a 5xx. */
    static boolean check(Response r, String shown) {
        int status = r.statusCode();
        assertTrue(status < 500, "a " + status + " for " + shown + ": " + abbreviate(r.asString()));
        if (status < 300) {
            return true;
        }
        assertEquals("application/problem+json", r.contentType().replaceAll(";.*", ""), shown);
        JsonPath p = r.jsonPath();
        for (String member : List.of("type", "title", "status", "detail")) {
            assertNotNull(p.get(member), member + " missing for " + shown + ": " + r.asString());
            assertFalse(p.getString(member).isBlank(), member + " blank for " + shown);
        }
        assertEquals(status, p.getInt("status"), shown);
        if (status == 400) {
            List<Map<String, Object>> errors = p.getList("errors");
            assertNotNull(errors, "a 400 names its fields (errors) for " + shown + ": " + r.asString());
            assertFalse(errors.isEmpty(), shown);
            errors.forEach(e -> assertTrue(e.get("field") instanceof String f && !f.isBlank(), "a named field: " + shown));
        }
        return false;
    }

    static void rendersInEveryFormat(String id, String shown) {
        for (String format : List.of("text/markdown", "text/html", "application/pdf")) {
            int status = reader().accept(format).get("/api/v1/reports/{id}", id).statusCode();
            assertEquals(200, status, format + " of " + shown);
        }
    }

    static String shown(Map<String, Object> body) {
        return abbreviate(json(body));
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }
}
