package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.AsciiJson.Raw;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static se.region.governance.commons.testing.AsciiJson.ABSENT;
import static se.region.governance.commons.testing.AsciiJson.json;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * Property-based: every write endpoint's request record filled with arbitrary Unicode (U+0000, C0
 * controls, noncharacters, lone surrogates, long text), values of the wrong type and huge numbers,
 * odd dates (year 0, 9999, beyond, "", impossible days) and odd enums. Whatever is sent: never a 5xx;
 * every error is complete problem+json (a 400 names its fields); text no part of the set can store is
 * refused with 400; and what is accepted is answered, and read back, exactly as sent.
 * <p>
 * Bodies are written by {@code AsciiJson} (commons' test-jar): every non-ASCII character escaped, so lone
 * surrogates and controls reach the server as written ({@code Raw}: a value sent as it is, never compared on
 * the way back; {@code ABSENT}: a member left out).
 * <p>
 * jqwik generates the values (edge cases included); the samples run inside this Quarkus test, as
 * jqwik's own engine cannot start Quarkus. A failure names the body that caused it.
 */
@QuarkusTest
class RequestPropertiesTest {

    static final int TRIES = 60;
    static final ObjectMapper JSON = new ObjectMapper();

    // --- generators ---

    static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(' ', 'å', 'ä', 'ö', 'É', '-', '/')
                .ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> odd = Arbitraries.strings().withChars('\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\t',
                        '\n', '\r', '\u007F', '\u0085', '\u00A0', '\u200B', '\u2028', '\uFEFF', '\uFFFE', '\uFFFF', '\uFDD0',
                        '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '=', '+', '@', '\'', '"', '\\', ' ', 'a', 'Ö', '<', '&', '%')
                .ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> anyChar = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(40);
        Arbitrary<String> astral = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5)
                .map(s -> s + "\uD83D\uDE00\uD835\uDD18" + s);
        Arbitrary<String> longText = Arbitraries.integers().between(190, 12_000)
                .map(n -> "Lång text ".repeat(n / 10 + 1).substring(0, n));
        Arbitrary<String> fixed = Arbitraries.of("", " ", "  x  ", "\u0000", "\uFFFF", "\uD800", "x\uDC00", "=SUM(A1)",
                "-1", "'", "null", "\u00A0");
        return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(3, odd), Tuple.of(2, anyChar), Tuple.of(1, astral),
                Tuple.of(1, longText), Tuple.of(2, fixed));
    }

    static Arbitrary<Object> wrongType() {
        return Arbitraries.of("1e999", "-0", "123456789012345678901234567890", "9223372036854775808", "-1.5e-400",
                "true", "[]", "{}", "[\"a\"]", "{\"a\":1}", "1").map(Raw::new);
    }

    static Arbitrary<Object> string() {
        return Arbitraries.frequencyOf(Tuple.of(8, text().map(s -> (Object) s)), Tuple.of(1, wrongType()),
                Tuple.of(2, Arbitraries.just(ABSENT)), Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> date() {
        Arbitrary<Object> valid = Arbitraries.integers().between(0, 365 * 60)
                .map(d -> (Object) LocalDate.of(1990, 1, 1).plusDays(d).toString());
        Arbitrary<Object> odd = Arbitraries.of("0000-01-01", "0001-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
                "+999999999-12-31", "", " ", "2023-02-30", "2023-13-01", "2023-1-1", " 2023-01-01", "2023-01-01T00:00",
                "2024-02-29", "1582-10-10", "\u0000").map(s -> (Object) s);
        return Arbitraries.frequencyOf(Tuple.of(5, valid), Tuple.of(4, odd), Tuple.of(1, wrongType()),
                Tuple.of(2, Arbitraries.just(ABSENT)), Tuple.of(1, Arbitraries.just(null)));
    }

    static <E extends Enum<E>> Arbitrary<Object> enumValue(Class<E> type) {
        Arbitrary<Object> valid = Arbitraries.of(type.getEnumConstants()).map(e -> (Object) e.name());
        Arbitrary<Object> odd = Arbitraries.of("", " ", "policy", "POLICY ", "\u0000", "0").map(s -> (Object) s);
        return Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(2, odd), Tuple.of(1, wrongType()),
                Tuple.of(1, Arbitraries.just(ABSENT)), Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> bool() {
        return Arbitraries.of(true, false, new Raw("\"true\""), new Raw("\"\""), new Raw("1"), new Raw("null"), ABSENT);
    }

    static Arbitrary<Object> diaryNumber() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.create(() -> (Object) diary())),
                Tuple.of(1, Arbitraries.strings().withChars("AÅé1/- \t".toCharArray()).ofMinLength(2).ofMaxLength(42)
                        .map(s -> (Object) (s + "-" + diary()))),
                Tuple.of(1, string()));
    }

    static Arbitrary<Object> decision() {
        Arbitrary<Object> body = Combinators.combine(enumValue(se.region.governance.docs.domain.DecisionBody.class),
                        string(), date(), string())
                .as((b, committee, d, paragraph) -> (Object) object("body", b, "committee", committee, "date", d,
                        "paragraph", paragraph));
        return Arbitraries.frequencyOf(Tuple.of(6, body), Tuple.of(1, wrongType()), Tuple.of(2, Arbitraries.just(ABSENT)));
    }

    static Arbitrary<Object> principles() {
        Arbitrary<Object> one = Combinators.combine(enumValue(se.region.governance.docs.domain.Principle.class), string())
                .as((p, passage) -> (Object) object("principle", p, "passage", passage));
        return Arbitraries.frequencyOf(Tuple.of(4, one.list().ofMaxSize(3).map(l -> (Object) l)),
                Tuple.of(1, wrongType()), Tuple.of(2, Arbitraries.just(ABSENT)));
    }

    static Arbitrary<Object> url() {
        Arbitrary<Object> urls = text().map(s -> (Object) ("https://diarium.example/" + s));
        return Arbitraries.frequencyOf(Tuple.of(3, urls), Tuple.of(2, string()));
    }

    static Arbitrary<Map<String, Object>> document() {
        Arbitrary<Map<String, Object>> a = Combinators.combine(diaryNumber(), string(),
                        enumValue(se.region.governance.docs.domain.DocumentType.class), bool(), string(), string(), string(),
                        decision())
                .as((dnr, title, type, political, unit, responsible, summary, decision) -> object("diaryNumber", dnr,
                        "title", title, "type", type, "political", political, "ownerUnit", unit, "responsible", responsible,
                        "summary", summary, "decision", decision));
        return Combinators.combine(a, principles(), date(), url(), date()).as((m, principles, reviewDue, fileUrl, since) -> {
            Map<String, Object> all = new LinkedHashMap<>(m);
            all.put("principles", principles);
            all.put("reviewDue", reviewDue);
            all.put("fileUrl", fileUrl);
            all.put("draftingSince", since);
            return all;
        });
    }

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Text no part of the set can store or render: C0 controls but TAB/LF/CR, noncharacters, lone surrogates. */
    static boolean unstorable(Object v) {
        if (v instanceof String s) {
            return s.codePoints().anyMatch(cp -> (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
                    || Character.isSurrogate((char) cp) && cp <= 0xFFFF
                    || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(RequestPropertiesTest::unstorable);
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(RequestPropertiesTest::unstorable);
        }
        return false;
    }

    // --- the oracle ---

    /**
     * Sends the body; checks the answer; on success, {@code echo} compares what was sent with the
     * answer and with what a GET reads back.
     */
    static void check(String what, Map<String, Object> body, Function<RequestSpecification, Response> send,
                      BiConsumer<Map<String, Object>, JsonNode> echo) throws IOException {
        String json = json(body);
        Response r = send.apply(registrar().body(json));
        int status = r.statusCode();
        String context = what + " " + json + " -> " + status + " " + r.asString();
        assertTrue(status < 500, context);
        if (status >= 300) {
            assertEquals("application/problem+json", r.contentType().split(";")[0], context);
            JsonNode p = JSON.readTree(r.asByteArray());
            assertTrue(p.path("type").isTextual() && p.path("title").isTextual() && p.path("detail").isTextual(), context);
            assertEquals(status, p.path("status").asInt(), context);
            if (status == 400) {
                assertTrue(p.path("errors").isArray() && !p.path("errors").isEmpty(), "400 names fields: " + context);
                p.path("errors").forEach(e -> assertFalse(e.path("field").asText().isEmpty(), context));
            }
            if (unstorable(body)) {
                assertEquals(400, status, "unstorable text refused: " + context);
            }
            return;
        }
        assertFalse(unstorable(body), "unstorable text accepted: " + context);
        echo.accept(body, JSON.readTree(r.asByteArray()));
    }

    /** Every string member sent (not a wrong-typed one) is in {@code answer} exactly as sent. */
    static void sameAsSent(String path, Object sent, JsonNode answer) {
        if (sent == ABSENT || sent instanceof Raw || sent instanceof Boolean) {
            return;
        }
        if (sent == null) {
            return;
        }
        assertNotNull(answer, path + " missing");
        if (sent instanceof String s) {
            assertEquals(s, answer.asText(), path + " changed: sent " + json(s) + ", got " + answer);
        } else if (sent instanceof List<?> l) {
            assertEquals(l.size(), answer.size(), path);
            for (int i = 0; i < l.size(); i++) {
                sameAsSent(path + "[" + i + "]", l.get(i), answer.get(i));
            }
        } else if (sent instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sameAsSent(path + "." + k, v, answer.get((String) k)));
        }
    }

    static JsonNode get(String path, Object... params) throws IOException {
        return JSON.readTree(reader().get(path, params).then().statusCode(200).extract().asByteArray());
    }

    /** Documents' principles come back sorted by principle: compare as a set keyed by principle. */
    static void sameDocument(Map<String, Object> sent, JsonNode answer) {
        Map<String, Object> plain = new LinkedHashMap<>(sent);
        Object principles = plain.remove("principles");
        sameAsSent("", plain, answer);
        if (principles instanceof List<?> l) {
            assertEquals(l.size(), answer.get("principles").size());
            for (Object p : l) {
                Map<?, ?> m = (Map<?, ?>) p;
                JsonNode match = null;
                for (JsonNode a : answer.get("principles")) {
                    if (a.get("principle").asText().equals(m.get("principle"))) {
                        match = a;
                    }
                }
                sameAsSent("principles", p, match);
            }
        }
    }

    /** {@value #TRIES} random samples and the first ten of jqwik's edge cases of the arbitrary. */
    static <T> void forAll(Arbitrary<T> arbitrary, ThrowingConsumer<T> property) throws Exception {
        List<T> samples = new ArrayList<>(arbitrary.sampleStream().limit(TRIES).toList());
        Iterator<Shrinkable<T>> edges = arbitrary.edgeCases().iterator();
        for (int i = 0; i < 10 && edges.hasNext(); i++) {
            samples.add(edges.next().value());
        }
        for (T sample : samples) {
            property.accept(sample);
        }
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    static String adoptedDocument() {
        String id = Docs.createSimple("Antagen");
        registrar().body("{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"1980-01-01\"}}")
                .post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        return id;
    }

    // --- the properties, one per write endpoint ---

    @Test
    void createDocument() throws Exception {
        forAll(document(), body -> check("POST /documents", body, s -> s.post("/api/v1/documents"), (sent, answer) -> {
            sameDocument(sent, answer);
            try {
                sameDocument(sent, get("/api/v1/documents/{id}", answer.get("id").asText()));
            } catch (IOException e) {
                fail(e);
            }
        }));
    }

    @Test
    void replaceDocument() throws Exception {
        forAll(document(), body -> {
            String id = Docs.createSimple("Ersätts");
            String tag = etag(id);
            check("PUT /documents/{id}", body, s -> s.header("If-Match", tag).put("/api/v1/documents/{id}", id),
                    (sent, answer) -> {
                        sameDocument(sent, answer);
                        try {
                            sameDocument(sent, get("/api/v1/documents/{id}", id));
                        } catch (IOException e) {
                            fail(e);
                        }
                    });
        });
    }

    @Test
    void patchDocument() throws Exception {
        // a random subset of the members
        Arbitrary<Map<String, Object>> patch = Combinators.combine(document(), Arbitraries.integers().between(0, 4095))
                .as((m, mask) -> {
                    Map<String, Object> some = new LinkedHashMap<>();
                    int bit = 0;
                    for (Map.Entry<String, Object> e : m.entrySet()) {
                        some.put(e.getKey(), (mask >> bit++ & 1) == 1 ? e.getValue() : ABSENT);
                    }
                    return some;
                });
        forAll(patch, body -> {
            String id = Docs.createSimple("Ändras");
            String tag = etag(id);
            check("PATCH /documents/{id}", body, s -> s.header("If-Match", tag).patch("/api/v1/documents/{id}", id),
                    (sent, answer) -> {
                        Map<String, Object> present = new LinkedHashMap<>(sent);
                        present.values().removeIf(v -> v == null);
                        sameDocument(present, answer);
                    });
        });
    }

    @Test
    void openConsultation() throws Exception {
        Arbitrary<Object> recipients = Arbitraries.frequencyOf(
                Tuple.of(5, text().map(s -> (Object) s).list().ofMinSize(0).ofMaxSize(4).map(l -> (Object) l)),
                Tuple.of(1, wrongType()), Tuple.of(1, Arbitraries.just(ABSENT)));
        Arbitrary<Map<String, Object>> body = Combinators.combine(recipients, date(), string())
                .as((r, deadline, description) -> object("recipients", r, "deadline", deadline, "description", description));
        forAll(body, b -> {
            String id = Docs.createSimple("Remiss");
            check("POST consultations", b, s -> s.post("/api/v1/documents/{id}/consultations", id), (sent, answer) -> {
                sameAsSent("", sent, answer);
                try {
                    sameAsSent("", sent, get("/api/v1/documents/{id}/consultations/{cid}", id, answer.get("id").asText()));
                } catch (IOException e) {
                    fail(e);
                }
            });
        });
    }

    @Test
    void recordResponse() throws Exception {
        Arbitrary<Map<String, Object>> body = Combinators.combine(string(), date(),
                        enumValue(se.region.governance.docs.domain.ResponsePosition.class), string())
                .as((respondent, on, position, summary) -> object("respondent", respondent, "receivedOn", on,
                        "position", position, "summary", summary));
        forAll(body, b -> {
            String id = Docs.createSimple("Remissvar");
            String cid = registrar().body("{\"recipients\":[\"Vision\"],\"deadline\":\"2023-11-30\"}")
                    .post("/api/v1/documents/{id}/consultations", id).then().statusCode(201).extract().path("id");
            check("POST responses", b, s -> s.post("/api/v1/documents/{id}/consultations/{cid}/responses", id, cid),
                    (sent, answer) -> sameAsSent("", sent, answer));
        });
    }

    @Test
    void adopt() throws Exception {
        Arbitrary<Map<String, Object>> body = Combinators.combine(decision(), url(), date(), date())
                .as((decision, url, validFrom, reviewDue) -> object("decision", decision, "fileUrl", url,
                        "validFrom", validFrom, "reviewDue", reviewDue));
        forAll(body, b -> {
            String id = Docs.createSimple("Antas");
            check("POST adoptions", b, s -> s.post("/api/v1/documents/{id}/adoptions", id), (sent, answer) -> {
                sameAsSent("", sent, answer);
                try {
                    JsonNode doc = get("/api/v1/documents/{id}", id);
                    sameAsSent("decision", sent.get("decision"), doc.get("decision"));
                } catch (IOException e) {
                    fail(e);
                }
            });
        });
    }

    @Test
    void startReview() throws Exception {
        Arbitrary<Map<String, Object>> body = Combinators.combine(string(), date())
                .as((reason, startedOn) -> object("reason", reason, "startedOn", startedOn));
        forAll(body, b -> {
            String id = adoptedDocument();
            check("POST reviews", b, s -> s.post("/api/v1/documents/{id}/reviews", id), (sent, answer) -> {
                assertEquals("UNDER_REVIEW", answer.get("status").asText());
                try {
                    JsonNode history = get("/api/v1/documents/{id}/history", id).get("items");
                    for (String fact : List.of("reason", "startedOn")) {
                        if (sent.get(fact) instanceof String s) {
                            boolean found = false;
                            for (JsonNode e : history) {
                                found |= fact.equals(e.path("field").asText()) && s.equals(e.path("newValue").asText());
                            }
                            assertTrue(found, fact + " kept as sent: " + json(s) + " in " + history);
                        }
                    }
                } catch (IOException e) {
                    fail(e);
                }
            });
        });
    }

    @Test
    void repeal() throws Exception {
        Arbitrary<Map<String, Object>> body = Combinators.combine(decision(), string())
                .as((decision, reason) -> object("decision", decision, "reason", reason));
        forAll(body, b -> {
            String id = adoptedDocument();
            check("POST repeal", b, s -> s.post("/api/v1/documents/{id}/repeal", id),
                    (sent, answer) -> assertEquals("REPEALED", answer.get("status").asText()));
        });
    }

    @Test
    void dueForReviewWindows() throws Exception {
        Arbitrary<String> periods = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, Integer.MAX_VALUE).map(n -> "P" + n + "D")),
                Tuple.of(2, Arbitraries.of("Y", "M", "W", "D").flatMap(u -> Arbitraries.integers()
                        .between(Integer.MIN_VALUE, Integer.MAX_VALUE).map(n -> "P" + n + u))),
                Tuple.of(2, Arbitraries.of("", "P", "PT1H", "P1Y2M3W4D", "-P1D", "P-0D", "p1d", "P1.5D", "P99999999999D",
                        "P1Y-2M", "\u0000")),
                Tuple.of(1, text().filter(t -> t.length() < 1000)));
        forAll(periods, within -> {
            Response r = reader().queryParam("within", within).get("/api/v1/documents/due-for-review");
            String context = "within=" + json(within) + " -> " + r.statusCode() + " " + r.asString();
            assertTrue(Arrays.asList(200, 400).contains(r.statusCode()), context);
            if (r.statusCode() == 400) {
                assertEquals("application/problem+json", r.contentType().split(";")[0], context);
                assertEquals(1, r.jsonPath().getList("errors").size(), context);
            }
        });
    }
}
