package se.region.governance.docs.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/**
 * The public register (ADR 10) against the real database: drafts are neither listed nor found, no person's name
 * is answered, the search is the register's, and answers are cacheable (ETag, 304).
 */
@QuarkusTest
class PublicDocumentsTest {

    static final String LIST = "/api/v1/public/documents";
    static final String ONE = "/api/v1/public/documents/{id}";
    static final String ADOPTION = "{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2023-06-21\",\"paragraph\":\"§ 72\"}}";

    /** A word no other test writes: searching for it finds this test's documents only. */
    static String word() {
        Random random = new Random();
        StringBuilder w = new StringBuilder("insyn");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    static String document(String title, String responsible) {
        return "{\"diaryNumber\":\"" + diary() + "\",\"title\":\"" + title + "\",\"type\":\"POLICY\","
                + "\"ownerUnit\":\"Regionledningsförvaltningen\",\"responsible\":" + (responsible == null ? "null"
                : "\"" + responsible + "\"") + ",\"summary\":\"Om öppenhet och insyn\"}";
    }

    static String adopt(String id) {
        registrar().body(ADOPTION).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        return id;
    }

    static RequestSpecification anonymous() {
        return given();
    }

    @Test
    void aDraftIsNeverListedAndItsIdIsNotFoundLikeAnUnknownId() {
        String w = word();
        String draft = Docs.create(document("Utkast " + w, null));
        String adopted = adopt(Docs.create(document("Antagen " + w, null)));
        String consulted = Docs.create(document("På remiss " + w, null));
        registrar().body("{\"recipients\":[\"Vision\"],\"deadline\":\"2023-11-30\"}")
                .post("/api/v1/documents/{id}/consultations", consulted).then().statusCode(201);

        // drafts are left out by the query: the total counts public documents, and each page is full
        anonymous().queryParam("q", w).queryParam("size", 1).get(LIST).then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1));
        List<String> ids = anonymous().queryParam("q", w).queryParam("sort", "title").get(LIST).then().statusCode(200)
                .body("total", equalTo(2)).extract().jsonPath().getList("items.id");
        assertEquals(List.of(adopted, consulted), ids, "title order, without the draft");
        anonymous().queryParam("q", w).queryParam("sort", "title").queryParam("size", 1).queryParam("page", 1).get(LIST).then()
                .body("items[0].id", equalTo(consulted)).body("total", equalTo(2));
        anonymous().queryParam("q", w).queryParam("status", "ADOPTED").get(LIST).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(adopted));

        Response forDraft = anonymous().get(ONE, draft);
        Response forUnknown = anonymous().get(ONE, UUID.randomUUID());
        assertEquals(404, forDraft.statusCode());
        assertEquals(404, forUnknown.statusCode());
        assertEquals("application/problem+json", forDraft.contentType().split(";")[0]);
        assertEquals(forUnknown.jsonPath().getString("type"), forDraft.jsonPath().getString("type"));
        assertEquals(forUnknown.jsonPath().getString("title"), forDraft.jsonPath().getString("title"));
        assertTrue(forDraft.jsonPath().getString("type").endsWith("/not-found"));
        assertFalse(forDraft.asString().contains("DRAFT"), forDraft.asString());
        anonymous().get(ONE, consulted).then().statusCode(200).body("status", equalTo("IN_CONSULTATION"));
    }

    @Test
    void statusDraftAndOtherBadParametersAre400NamingTheParameter() {
        anonymous().queryParam("status", "DRAFT").get(LIST).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        anonymous().queryParam("status", "NONSENSE").get(LIST).then().statusCode(400).body("errors[0].field", equalTo("status"));
        anonymous().queryParam("size", 101).get(LIST).then().statusCode(400).body("errors[0].field", equalTo("size"));
        anonymous().queryParam("size", 0).get(LIST).then().statusCode(400).body("errors[0].field", equalTo("size"));
        anonymous().queryParam("page", "x").get(LIST).then().statusCode(400).body("errors[0].field", equalTo("page"));
        anonymous().queryParam("type", "").get(LIST).then().statusCode(400).body("errors[0].field", equalTo("type"));
        anonymous().queryParam("sort", "responsible").get(LIST).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        anonymous().queryParam("size", 100).get(LIST).then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void noPersonsNameIsAnsweredNorADraftNamed() {
        String w = word();
        String responsible = "Gunilla Ansvarig-" + w;
        String registrarSub = "reg." + w;
        RequestSpecification namedRegistrar = given().auth()
                .oauth2(TestTokens.tokenFor(registrarSub, "Kansliet", Roles.REGISTRAR)).contentType("application/json");
        String draft = Docs.create(document("Utkast " + w, responsible));
        String id = namedRegistrar.body(document("Policy för insyn " + w, responsible)
                        .replace("\"summary\"", "\"relations\":[{\"kind\":\"REFERENCES\",\"documentId\":\"" + draft + "\"}],\"summary\""))
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.tokenFor(registrarSub, "Kansliet", Roles.REGISTRAR)).contentType("application/json")
                .body(ADOPTION).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        // the names are in the register (else the test below proves nothing)
        reader().get("/api/v1/documents/{id}", id).then().body("responsible", equalTo(responsible))
                .body("relations[0].documentId", equalTo(draft));
        reader().get("/api/v1/documents/{id}/history", id).then().body(containsString("Test " + registrarSub));

        String one = anonymous().get(ONE, id).then().statusCode(200)
                .body("$", not(hasKey("responsible")))
                .body("title", equalTo("Policy för insyn " + w))
                .body("ownerUnit", equalTo("Regionledningsförvaltningen"))
                .body("decision.paragraph", equalTo("§ 72"))
                .body("relations", hasSize(0))
                .body("versions", hasSize(1))
                .body("versions[0].number", equalTo(1))
                .body("versions[0].decision.body", equalTo("REGIONSTYRELSEN"))
                .body("versions[0].adoptedAt", notNullValue())
                .extract().asString();
        String list = anonymous().queryParam("q", w).get(LIST).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0]", not(hasKey("responsible")))
                .body("items[0]", not(hasKey("versions")))
                .extract().asString();
        for (String body : List.of(one, list)) {
            assertFalse(body.contains(responsible) || body.contains("Gunilla"), "responsible in " + body);
            assertFalse(body.contains(registrarSub), "the registrar in " + body);
            assertFalse(body.contains(draft), "a draft's id in " + body);
        }
    }

    @Test
    void theSwedishSearchFindsAnAdoptedDocument() {
        String w = word();
        String id = adopt(Docs.create("{\"diaryNumber\":\"" + diary() + "\",\"title\":\"Riktlinjer för styrdokumenten " + w
                + "\",\"type\":\"GUIDELINE\",\"principles\":[{\"principle\":\"OPENNESS\",\"passage\":\"allmänhetens insyn " + w
                + "\"}]}"));
        anonymous().queryParam("q", "styrdokument " + w).get(LIST).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].principles[0].passage", containsString("insyn"));
        anonymous().queryParam("q", w).queryParam("principle", "OPENNESS").queryParam("type", "GUIDELINE").get(LIST)
                .then().body("total", equalTo(1));
        anonymous().queryParam("q", w).queryParam("principle", "TRUST").get(LIST).then().body("total", equalTo(0));
    }

    @Test
    void answersWithoutATokenAndWithAnyToken() {
        String id = adopt(Docs.createSimple("Öppen policy " + word()));
        anonymous().get(ONE, id).then().statusCode(200);
        reader().get(ONE, id).then().statusCode(200);
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATION)).get(ONE, id).then().statusCode(200);
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATION)).get(LIST).then().statusCode(200);
        // a token is not looked at: not even an expired one is refused
        given().auth().oauth2(TestTokens.expired(Roles.READER)).get(ONE, id).then().statusCode(200);
        anonymous().get(LIST).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void answersCarryAnEtagAnd304OnIfNoneMatch() {
        String w = word();
        String id = adopt(Docs.createSimple("Cachad policy " + w));
        for (String path : List.of("/api/v1/public/documents/" + id, LIST + "?q=" + w)) {
            String tag = anonymous().get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("public, no-cache"))
                    .header("ETag", not(emptyOrNullString())).extract().header("ETag");
            anonymous().header("If-None-Match", tag).get(path).then().statusCode(304)
                    .header("ETag", equalTo(tag)).header("Cache-Control", equalTo("public, no-cache"))
                    .body(emptyOrNullString());
            anonymous().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);

            registrar().header("If-Match", etag(id)).body("{\"summary\":\"Ändrad " + UUID.randomUUID() + "\"}")
                    .patch("/api/v1/documents/{id}", id).then().statusCode(200);
            String changed = anonymous().header("If-None-Match", tag).get(path).then().statusCode(200)
                    .extract().header("ETag");
            assertNotEquals(tag, changed, path);
        }
    }

    @Test
    void thePublicOperationsAreTaggedPublicWithoutASecurityRequirement() {
        var openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("'/api/v1/public/documents'", "'/api/v1/public/documents/{id}'")) {
            assertEquals(List.of("Public"), openApi.getList("paths." + path + ".get.tags"), path);
            assertNull(openApi.get("paths." + path + ".get.security"), path);
        }
        assertEquals(List.of("get"), List.copyOf(openApi.getMap("paths.'/api/v1/public/documents/{id}'").keySet())
                .stream().filter(m -> !m.equals("parameters")).toList());
    }
}
