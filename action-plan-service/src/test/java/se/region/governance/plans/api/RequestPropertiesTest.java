package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.AsciiJson.Raw;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static se.region.governance.commons.testing.AsciiJson.ABSENT;
import static se.region.governance.commons.testing.AsciiJson.json;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.admin;

/**
 * Property-based tests over the request body of every write of the service: arbitrary Unicode
 * (U+0000, C0 controls, noncharacters, lone surrogates, supplementary characters, whitespace at the
 * edges, very long strings), huge and fractional numbers, odd dates and odd codes. For each body:
 * never a 5xx; every refusal is complete problem+json (type, title, status, detail, and for a 400
 * the fields it names); and whatever is accepted reads back exactly as sent.
 *
 * <p>The bodies come from jqwik arbitraries, sampled inside a {@code @QuarkusTest} (jqwik's own engine
 * does not start Quarkus); a failure names the body that caused it. The service has no duration in
 * its requests. Bodies are written by {@code AsciiJson} (commons' test-jar): every non-ASCII character
 * escaped, so lone surrogates reach the server as sent ({@code Raw}: a JSON token written as it is, e.g.
 * a number JSON allows but Java may not hold; {@code ABSENT}: a member left out).
 */
@QuarkusTest
class RequestPropertiesTest {

    static final int TRIES = 50;
    static final int MAX_TRIES = 1000;
    static final int MIN_ACCEPTED = 3;

    /** An explicit JSON null. */
    static final Raw NULL = new Raw("null");

    // ---- generators --------------------------------------------------------------------------------

    static Arbitrary<String> hostileText(int maxLength) {
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(" -.,§åäöÅÄÖ")
                .ofMinLength(1).ofMaxLength(Math.min(maxLength, 40));
        Arbitrary<String> anyChar = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> controls = Arbitraries.strings()
                .withChars('\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\u007F', '\u0085', '\t', '\n', '\r',
                        '\uFFFE', '\uFFFF', '\uFDD0', '\uD800', '\uDBFF', '\uDC00', '\u200B', '\u00A0', '\u3000', 'a')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF)
                .map(cp -> "x" + new String(Character.toChars(cp)) + "y");
        Arbitrary<String> edgeSpace = plain.flatMap(s -> Arbitraries.of(" " + s, s + " ", "\t" + s, s + "\n", " "));
        Arbitrary<String> atLimit = Arbitraries.of(maxLength, maxLength + 1)
                .map(n -> "å".repeat(n));
        Arbitrary<String> veryLong = Arbitraries.just("ö".repeat(20_001));
        return Arbitraries.frequencyOf(
                Tuple.of(6, plain), Tuple.of(3, anyChar), Tuple.of(3, controls),
                Tuple.of(2, supplementary), Tuple.of(2, edgeSpace),
                Tuple.of(1, atLimit), Tuple.of(1, veryLong),
                Tuple.of(1, Arbitraries.just("")));
    }

    /** A text member: hostile text, sometimes absent or null, sometimes not a string at all. */
    static Arbitrary<Object> text(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, hostileText(maxLength).map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.just((Object) NULL)),
                Tuple.of(1, Arbitraries.<Object>of(new Raw("12"), new Raw("true"), new Raw("[]"), new Raw("{}"))));
    }

    /** Text for a field that must be there, so that most bodies get past the first check. */
    static Arbitrary<Object> requiredText(int maxLength, String sensible) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((Object) sensible)),
                Tuple.of(4, text(maxLength)));
    }

    static Arbitrary<Object> date() {
        Arbitrary<Object> ordinary = Arbitraries.integers().between(0, 200 * 365)
                .map(d -> (Object) LocalDate.of(1950, 1, 1).plusDays(d).toString());
        Arbitrary<Object> odd = Arbitraries.of("", " ", "0000-01-01", "-0001-01-01", "0001-01-01", "9999-12-31",
                "+10000-01-01", "+999999999-12-31", "-999999999-01-01", "2023-02-30", "2023-13-01", "20230101",
                "2023-1-1", " 2023-01-01", "2023-01-01T00:00:00Z", "2024-02-29", "1970-01-01", "x");
        Arbitrary<Object> wrongType = Arbitraries.<Object>of(new Raw("20230101"), new Raw("true"), new Raw("[2023,1,1]"));
        return Arbitraries.frequencyOf(Tuple.of(6, ordinary), Tuple.of(4, odd),
                Tuple.of(1, wrongType), Tuple.of(2, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.just((Object) NULL)));
    }

    static Arbitrary<Object> requiredDate() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((Object) "2023-05-17")),
                Tuple.of(2, date()));
    }

    static Arbitrary<Object> integer(int min, int max) {
        Arbitrary<Object> inRange = Arbitraries.integers().between(min, max).map(i -> (Object) i);
        Arbitrary<Object> huge = Arbitraries.<Object>of(new Raw("-1"), new Raw(String.valueOf(max + 1)), new Raw("2147483647"),
                new Raw("2147483648"), new Raw("-2147483649"), new Raw("9223372036854775808"),
                new Raw("123456789012345678901234567890"), new Raw("1e2"), new Raw("1E400"), new Raw("-0"),
                new Raw("50.5"), new Raw("0.0000001"), new Raw("\"50\""), new Raw("\"\""), new Raw("true"));
        return Arbitraries.frequencyOf(Tuple.of(4, inRange), Tuple.of(3, huge),
                Tuple.of(3, Arbitraries.just(ABSENT)), Tuple.of(1, Arbitraries.just((Object) NULL)));
    }

    static Arbitrary<Object> code(String... valid) {
        List<Object> odd = new ArrayList<>(List.of(valid));
        odd.addAll(List.of("", "done", "Done", " DONE", "UNKNOWN", new Raw("1"), new Raw("null")));
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(valid).map(v -> (Object) v)),
                Tuple.of(1, Arbitraries.of(odd)), Tuple.of(3, Arbitraries.just(ABSENT)));
    }

    static Arbitrary<Object> list(Arbitrary<Object> element, int maxSize) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, element.filter(e -> e != ABSENT).list().uniqueElements().ofMaxSize(maxSize)
                        .map(l -> (Object) l)),
                Tuple.of(1, element.filter(e -> e != ABSENT).list().ofMaxSize(Math.min(maxSize + 1, 8))
                        .map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.just((Object) List.of())),
                Tuple.of(1, Arbitraries.<Object>of(new Raw("\"TRUST\""), new Raw("{}"))),
                Tuple.of(3, Arbitraries.just(ABSENT)));
    }

    static Arbitrary<Object> uuid(List<String> known) {
        List<Object> choices = new ArrayList<>(known);
        choices.addAll(List.of(UUID.randomUUID().toString(), "not-a-uuid", "", new Raw("1"), NULL));
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(choices)), Tuple.of(4, Arbitraries.just(ABSENT)));
    }

    static Arbitrary<Object> bool() {
        return Arbitraries.<Object>of(true, false, ABSENT, NULL, "", "yes", new Raw("2"));
    }

    /** A JSON object with the given members (each generated; {@link #ABSENT} leaves it out). */
    static Arbitrary<Map<String, Object>> object(Map<String, Arbitrary<Object>> members) {
        List<String> names = new ArrayList<>(members.keySet());
        List<Arbitrary<Object>> values = names.stream().map(members::get).toList();
        return Combinators.combine(values).as(list -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != ABSENT) {
                    m.put(names.get(i), list.get(i));
                }
            }
            return m;
        });
    }

    static Map<String, Arbitrary<Object>> members(Object... pairs) {
        Map<String, Arbitrary<Object>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Arbitrary<Object> a = (Arbitrary<Object>) pairs[i + 1];
            m.put((String) pairs[i], a);
        }
        return m;
    }

    /** A patch changes a few members: each is left out most of the time, so that some patches are valid. */
    static Map<String, Arbitrary<Object>> sparse(boolean patch, Map<String, Arbitrary<Object>> members) {
        if (patch) {
            members.replaceAll((name, a) -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(ABSENT)), Tuple.of(1, a)));
        }
        return members;
    }

    static Arbitrary<Object> decision() {
        Arbitrary<Object> d = object(members(
                "body", code("REGIONSTYRELSEN", "REGIONFULLMAKTIGE", "COMMITTEE", "REGIONAL_DIRECTOR", "DEPARTMENT"),
                "date", requiredDate(), "paragraph", text(40), "diaryNumber", text(40))).map(m -> (Object) m);
        return Arbitraries.frequencyOf(Tuple.of(3, d), Tuple.of(2, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.<Object>of(NULL, new Raw("\"§ 183\""))));
    }

    static Arbitrary<Map<String, Object>> planBody(boolean patch) {
        return object(sparse(patch, members(
                "title", patch ? text(300) : requiredText(300, "Plan"),
                "description", text(10000),
                "ownerUnit", patch ? text(200) : requiredText(200, HR),
                "decision", decision(),
                "periodFrom", date(), "periodTo", date(),
                "status", code("ACTIVE", "COMPLETED", "CANCELLED"))));
    }

    static Arbitrary<Map<String, Object>> measureBody(boolean patch, List<String> parents) {
        return object(sparse(patch, members(
                "code", patch ? text(20) : requiredText(20, "P"),
                "title", patch ? text(300) : requiredText(300, "Åtgärd"),
                "description", text(10000),
                "responsibleUnit", patch ? text(200) : requiredText(200, HR),
                "responsiblePerson", text(200),
                "status", patch ? Arbitraries.frequencyOf(Tuple.of(1, code("IN_PROGRESS")),
                        Tuple.of(6, Arbitraries.just(ABSENT)))
                        : code("PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"),
                "progress", patch ? Arbitraries.frequencyOf(Tuple.of(1, integer(0, 100)),
                        Tuple.of(6, Arbitraries.just(ABSENT))) : integer(0, 100),
                "weight", integer(0, 1000),
                "startDate", date(), "dueDate", date(),
                "principles", list(code("TRUST", "CITIZEN_FOCUS", "HOLISTIC_VIEW", "DISCRETION", "SUPPORT",
                        "KNOWLEDGE", "OPENNESS"), 7),
                "documentIds", Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.<Object>of(List.of(),
                        List.of(UUID.randomUUID().toString()), List.of("x"), NULL)), Tuple.of(4,
                        Arbitraries.just(ABSENT))),
                "parentId", uuid(parents))));
    }

    static Arbitrary<Map<String, Object>> updateBody() {
        return object(members(
                "date", requiredDate(), "author", text(200),
                "status", code("PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"),
                "progress", integer(0, 100), "text", text(20000), "obstacles", text(10000),
                "nextSteps", text(10000), "example", bool()));
    }

    static Arbitrary<Map<String, Object>> collaborationBody() {
        Arbitrary<Object> parties = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((Object) List.of("Vision"))),
                Tuple.of(4, hostileText(200).list().ofMinSize(0).ofMaxSize(4).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.<Object>of(ABSENT, NULL, new Raw("\"Vision\""))));
        return object(members(
                "date", requiredDate(), "parties", parties,
                "form", code("SAMVERKANSGRUPP", "MBL_NEGOTIATION", "DIALOGUE", "WORKSHOP", "INFORMATION", "OTHER"),
                "outcome", text(10000)));
    }

    // ---- the properties --------------------------------------------------------------------------

    @Test
    void createPlan() {
        forAll(planBody(false), body -> admin().body(json(body)).post("/api/v1/plans"),
                (body, r) -> readBack("/api/v1/plans/" + r.path("id")));
    }

    @Test
    void patchPlan() {
        String plan = Plans.createPlan();
        String path = "/api/v1/plans/" + plan;
        forAll(planBody(true), body -> admin().header("If-Match", etag(path)).body(json(body))
                .contentType("application/merge-patch+json").patch(path), (body, r) -> readBack(path));
    }

    @Test
    void createMeasure() {
        String plan = Plans.createPlan();
        String parent = Plans.createMeasure(plan, "1", HR);
        String path = "/api/v1/plans/" + plan + "/measures";
        forAll(measureBody(false, List.of(parent)).map(RequestPropertiesTest::uniqueCode),
                body -> admin().body(json(body)).post(path), (body, r) -> readBack(path + "/" + r.path("id")));
    }

    @Test
    void patchMeasure() {
        String plan = Plans.createPlan();
        String parent = Plans.createMeasure(plan, "1", HR);
        String measure = Plans.createMeasure(plan, "2", HR);
        String path = "/api/v1/plans/" + plan + "/measures/" + measure;
        forAll(measureBody(true, List.of(parent)), body -> admin().header("If-Match", etag(path)).body(json(body))
                .patch(path), (body, r) -> readBack(path));
    }

    @Test
    void reportProgress() {
        String plan = Plans.createPlan();
        String measure = Plans.createMeasure(plan, "1", HR);
        String path = "/api/v1/plans/" + plan + "/measures/" + measure + "/updates";
        forAll(updateBody(), body -> admin().body(json(body)).post(path), (body, r) -> readBack(path + "/" + r.path("id")));
    }

    @Test
    void recordACollaborationOnAMeasure() {
        String plan = Plans.createPlan();
        String measure = Plans.createMeasure(plan, "1", HR);
        String path = "/api/v1/plans/" + plan + "/measures/" + measure + "/collaborations";
        forAll(collaborationBody(), body -> admin().body(json(body)).post(path),
                (body, r) -> readBack(path + "/" + r.path("id")));
    }

    @Test
    void recordACollaborationOnAPlan() {
        String plan = Plans.createPlan();
        String path = "/api/v1/plans/" + plan + "/collaborations";
        forAll(collaborationBody(), body -> admin().body(json(body)).post(path),
                (body, r) -> readBack(path + "/" + r.path("id")));
    }

    // ---- checking one answer -----------------------------------------------------------------------

    interface ReadBack {
        JsonPath read(Map<String, Object> body, Response written);
    }

    static void forAll(Arbitrary<Map<String, Object>> bodies, Function<Map<String, Object>, Response> send,
                       ReadBack readBack) {
        int accepted = 0;
        int tried = 0;
        // Hostile members make most bodies invalid, so sampling goes on (bounded) until a few were accepted.
        for (Map<String, Object> body : (Iterable<Map<String, Object>>) bodies.sampleStream()::iterator) {
            if (tried++ >= MAX_TRIES || (tried > TRIES && accepted >= MIN_ACCEPTED)) {
                break;
            }
            String shown = abbreviate(json(body));
            Response r = send.apply(body);
            int status = r.statusCode();
            assertTrue(status < 500, "a " + status + " for " + shown + ": " + abbreviate(r.asString()));
            if (status >= 300) {
                isCompleteProblem(r, shown);
                continue;
            }
            accepted++;
            JsonPath stored = readBack.read(body, r);
            body.forEach((name, sent) -> sameAsSent(name, sent, stored.get(name), shown));
        }
        assertTrue(accepted >= MIN_ACCEPTED, accepted + " of " + tried + " bodies accepted: the generators should make valid ones");
    }

    static void isCompleteProblem(Response r, String shown) {
        assertEquals("application/problem+json", r.contentType().replaceAll(";.*", ""), shown);
        JsonPath p = r.jsonPath();
        for (String member : List.of("type", "title", "detail")) {
            assertNotNull(p.get(member), member + " missing for " + shown + ": " + r.asString());
            assertFalse(p.getString(member).isBlank(), member + " blank for " + shown);
        }
        assertEquals(r.statusCode(), p.getInt("status"), shown);
        if (r.statusCode() == 400) {
            List<Map<String, Object>> errors = p.getList("errors");
            assertNotNull(errors, "a 400 names its fields (errors) for " + shown + ": " + r.asString());
            assertFalse(errors.isEmpty(), shown);
            errors.forEach(e -> assertTrue(e.get("field") instanceof String f && !f.isBlank(),
                    "errors[].field for " + shown + ": " + r.asString()));
        }
    }

    /** The member as read back equals the member as sent: text exactly, dates and numbers by value. */
    @SuppressWarnings("unchecked")
    static void sameAsSent(String name, Object sent, Object stored, String shown) {
        if (NULL.equals(sent)) {
            return; // null is "not given" in this API (and parentId: null is "top level": stored null)
        }
        String where = name + " of " + shown;
        if (sent instanceof Map<?, ?> m) {
            assertTrue(stored instanceof Map, where);
            ((Map<String, Object>) m).forEach((k, v) -> sameAsSent(name + "." + k, v,
                    ((Map<String, Object>) stored).get(k), shown));
        } else if (sent instanceof List<?> l && name.equals("principles")) {
            // a set (duplicates are refused), answered in the code list's order
            assertTrue(stored instanceof List, where);
            assertEquals(new java.util.HashSet<>(l), new java.util.HashSet<>((List<Object>) stored), where);
        } else if (sent instanceof List<?> l) {
            assertTrue(stored instanceof List, where);
            List<Object> s = (List<Object>) stored;
            assertEquals(l.size(), s.size(), where);
            for (int i = 0; i < l.size(); i++) {
                sameAsSent(name + "[" + i + "]", l.get(i), s.get(i), shown);
            }
        } else if (sent instanceof Raw raw) {
            // a raw number or boolean may be taken as a text field's text, or as a number or boolean
            if (stored instanceof Boolean || stored instanceof String) {
                assertEquals(raw.json(), String.valueOf(stored), where);
            } else {
                String number = raw.json().replace("\"", ""); // a quoted number may be taken as the number
                assertEquals(0, new BigDecimal(number).compareTo(new BigDecimal(String.valueOf(stored))), where);
            }
        } else if (sent instanceof Integer i) {
            Object value = name.equals("progress") && stored == null ? null : stored;
            assertEquals(i, value, where);
        } else if (sent instanceof String s && isDateMember(name)) {
            assertEquals(LocalDate.parse(s), LocalDate.parse(String.valueOf(stored)), where);
        } else {
            assertEquals(sent, stored, where);
        }
    }

    static boolean isDateMember(String name) {
        return name.endsWith("date") || name.endsWith("Date") || name.startsWith("period");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static JsonPath readBack(String path) {
        JsonPath p = Plans.reader().get(path).then().statusCode(200).extract().jsonPath();
        // a measure's "progress" is rolled up; what was sent is its reported progress
        if (p.get("reportedProgress") != null) {
            Map<String, Object> m = new LinkedHashMap<>(p.getMap(""));
            m.put("progress", m.get("reportedProgress"));
            return new JsonPath(json(m));
        }
        return p;
    }

    static String etag(String path) {
        return Plans.reader().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A code no other measure of the plan has, when the generated one is sensible, so creates can succeed. */
    static Map<String, Object> uniqueCode(Map<String, Object> body) {
        if ("P".equals(body.get("code"))) {
            body.put("code", "P" + UUID.randomUUID().toString().substring(0, 8));
        }
        return body;
    }

    static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...(" + s.length() + " chars)";
    }
}
