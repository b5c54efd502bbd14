package se.region.governance.docs.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.docs.api.Docs.diary;
import static se.region.governance.docs.api.Docs.etag;

/**
 * Every endpoint of the service's OpenAPI document x every kind of caller, with the exact status each
 * must get. Reads: reader, registrar, planner, reporter and admin (200); integration 403 (it reads
 * plans' status and change feeds only); no token 401. Writes: registrar, of the document's unit or
 * another (no unit rule: the registry keeps the register for every unit), and admin succeed with the
 * endpoint's status; reader, planner, reporter and integration 403; no token 401. An endpoint in the
 * OpenAPI document but not in {@link #TABLE} (or the other way round) fails. The public register
 * ({@code /api/v1/public/documents}, ADR 10) answers every caller, with or without a token, and is the only
 * {@code @PermitAll} resource.
 */
@QuarkusTest
class EndpointSecurityTest {

    static final String UNIT = "Enhet-A";

    /** Who calls; a registrar of the documents' own unit and one of another unit. */
    enum Caller {
        NONE(null), READER(Roles.READER), PLANNER(Roles.PLANNER), REPORTER(Roles.REPORTER),
        INTEGRATION(Roles.INTEGRATION), REGISTRAR_OWN_UNIT(Roles.REGISTRAR), REGISTRAR_OTHER_UNIT(Roles.REGISTRAR),
        ADMIN(Roles.ADMIN);

        final String role;

        Caller(String role) {
            this.role = role;
        }

        RequestSpecification spec() {
            RequestSpecification s = given();
            return switch (this) {
                case NONE -> s;
                case REGISTRAR_OWN_UNIT -> s.auth().oauth2(TestTokens.tokenFor("reg.own", UNIT, role));
                case REGISTRAR_OTHER_UNIT -> s.auth().oauth2(TestTokens.tokenFor("reg.other", "Enhet-B", role));
                default -> s.auth().oauth2(TestTokens.tokenFor(name().toLowerCase(), "Enhet-C", role));
            };
        }
    }

    /** A request against fresh state (made by the fixture before each call). */
    record Call(String method, String path, String contentType, String body, Map<String, String> headers) {
        Response send(Caller caller) {
            RequestSpecification s = caller.spec();
            if (contentType != null) {
                s = s.contentType(contentType).body(body);
            }
            s = s.headers(headers);
            return s.request(method, path);
        }
    }

    /** Who may call an endpoint: anyone (the public register, ADR 10), the readers, or the writers. */
    enum Access {
        PUBLIC, READ, WRITE
    }

    /** The rule of one endpoint: its access, the success status, and how to make a request. */
    record Rule(Access access, int success, Supplier<Call> fixture) {
        int expected(Caller caller) {
            if (access == Access.PUBLIC) {
                return success;
            }
            return switch (caller) {
                case NONE -> 401;
                case INTEGRATION -> 403;
                case READER, PLANNER, REPORTER -> access == Access.WRITE ? 403 : success;
                case REGISTRAR_OWN_UNIT, REGISTRAR_OTHER_UNIT, ADMIN -> success;
            };
        }
    }

    static final String CONSULTATION = "{\"recipients\":[\"Vision\"],\"deadline\":\"2023-11-30\"}";
    static final String ADOPTION = "{\"decision\":{\"body\":\"REGIONSTYRELSEN\",\"date\":\"2023-06-21\",\"paragraph\":\"§ 72\"}}";
    static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        read("GET /api/v1/documents", () -> get("/api/v1/documents"));
        read("GET /api/v1/documents/due-for-review", () -> get("/api/v1/documents/due-for-review"));
        read("GET /api/v1/documents/{id}", () -> get("/api/v1/documents/" + adopted()));
        read("GET /api/v1/documents/{id}/versions", () -> get("/api/v1/documents/" + adopted() + "/versions"));
        read("GET /api/v1/documents/{id}/versions/{number}", () -> get("/api/v1/documents/" + adopted() + "/versions/1"));
        read("GET /api/v1/documents/{id}/history", () -> get("/api/v1/documents/" + adopted() + "/history"));
        read("GET /api/v1/documents/{id}/consultations", () -> get("/api/v1/documents/" + consulted()[0] + "/consultations"));
        read("GET /api/v1/documents/{id}/consultations/{cid}", () -> {
            String[] c = consulted();
            return get("/api/v1/documents/" + c[0] + "/consultations/" + c[1]);
        });

        open("GET /api/v1/public/documents", () -> get("/api/v1/public/documents"));
        open("GET /api/v1/public/documents/{id}", () -> get("/api/v1/public/documents/" + adopted()));

        write("POST /api/v1/documents", 201, () -> json("POST", "/api/v1/documents", document(diary()), null));
        write("POST /api/v1/documents/import", 201, () -> new Call("POST", "/api/v1/documents/import", "text/csv",
                "diaryNumber,title,type,ownerUnit\n" + diary() + ",Importerad,POLICY," + UNIT + "\n", Map.of()));
        write("PUT /api/v1/documents/{id}", 200, () -> {
            String id = draft();
            return json("PUT", "/api/v1/documents/" + id, document(diary()), etag(id));
        });
        write("PATCH /api/v1/documents/{id}", 200, () -> {
            String id = draft();
            return json("PATCH", "/api/v1/documents/" + id, "{\"summary\":\"Ändrad\"}", etag(id));
        });
        write("POST /api/v1/documents/{id}/consultations", 201, () -> json("POST",
                "/api/v1/documents/" + draft() + "/consultations", CONSULTATION, null));
        write("POST /api/v1/documents/{id}/consultations/{cid}/responses", 201, () -> {
            String[] c = consulted();
            return json("POST", "/api/v1/documents/" + c[0] + "/consultations/" + c[1] + "/responses",
                    "{\"respondent\":\"Vision\",\"receivedOn\":\"2023-11-20\",\"position\":\"SUPPORTS\"}", null);
        });
        write("POST /api/v1/documents/{id}/adoptions", 201, () -> json("POST",
                "/api/v1/documents/" + draft() + "/adoptions", ADOPTION, null));
        write("POST /api/v1/documents/{id}/reviews", 200, () -> json("POST",
                "/api/v1/documents/" + adopted() + "/reviews", "{\"reason\":\"Översyn\"}", null));
        write("POST /api/v1/documents/{id}/repeal", 200, () -> json("POST",
                "/api/v1/documents/" + adopted() + "/repeal", "{\"reason\":\"Ersatt av lag\"}", null));
    }

    private static void open(String endpoint, Supplier<Call> fixture) {
        TABLE.put(endpoint, new Rule(Access.PUBLIC, 200, fixture));
    }

    private static void read(String endpoint, Supplier<Call> fixture) {
        TABLE.put(endpoint, new Rule(Access.READ, 200, fixture));
    }

    private static void write(String endpoint, int success, Supplier<Call> fixture) {
        TABLE.put(endpoint, new Rule(Access.WRITE, success, fixture));
    }

    private static Call get(String path) {
        return new Call("GET", path, null, null, Map.of());
    }

    private static Call json(String method, String path, String body, String ifMatch) {
        return new Call(method, path, "application/json", body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static String document(String diaryNumber) {
        return "{\"diaryNumber\":\"" + diaryNumber + "\",\"title\":\"Behörighetsprov\",\"type\":\"POLICY\",\"ownerUnit\":\""
                + UNIT + "\"}";
    }

    private static String draft() {
        return Docs.create(document(diary()));
    }

    private static String adopted() {
        String id = draft();
        Docs.registrar().body(ADOPTION).post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
        return id;
    }

    /** A document with an open consultation: {id, consultation id}. */
    private static String[] consulted() {
        String id = draft();
        String cid = Docs.registrar().body(CONSULTATION).post("/api/v1/documents/{id}/consultations", id)
                .then().statusCode(201).extract().path("id");
        return new String[]{id, cid};
    }

    /** "METHOD /path" of every operation in the service's OpenAPI document. */
    static Set<String> documentedEndpoints() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "patch", "delete", "head", "options").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        return endpoints;
    }

    /**
     * {@code @PermitAll} (no role, no token) only on the public register, and that resource only reads: a new
     * anonymous endpoint, or a write on the public path, fails here before it is reviewed as a rule of the table.
     */
    @Test
    void onlyThePublicResourceIsPermitAllAndItOnlyReads() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.region.governance.docs");
        ArchRuleDefinition.classes().that().areAnnotatedWith(PermitAll.class)
                .should().be(PublicDocumentResource.class).allowEmptyShould(true).check(classes);
        ArchRuleDefinition.methods().that().areAnnotatedWith(PermitAll.class)
                .should().beDeclaredIn(PublicDocumentResource.class).allowEmptyShould(true).check(classes);
        assertTrue(PublicDocumentResource.class.isAnnotationPresent(PermitAll.class));
        Set<String> httpMethods = new TreeSet<>();
        for (Method m : PublicDocumentResource.class.getDeclaredMethods()) {
            for (Annotation a : m.getAnnotations()) {
                HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    httpMethods.add(http.value());
                }
            }
            assertFalse(m.isAnnotationPresent(RolesAllowed.class), m + " has a role: it would need a token");
        }
        assertEquals(Set.of(HttpMethod.GET), httpMethods);
        documentedEndpoints().stream().filter(e -> e.contains(" /api/v1/public/"))
                .forEach(e -> assertTrue(e.startsWith("GET "), e + " is public and not a GET"));
    }

    @Test
    void everyDocumentedEndpointHasARuleAndEveryRuleAnEndpoint() {
        assertEquals(new TreeSet<>(TABLE.keySet()), documentedEndpoints());
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : documentedEndpoints()) {
            Rule rule = TABLE.get(endpoint);
            if (rule == null) {
                tests.add(DynamicTest.dynamicTest(endpoint + " has no rule",
                        () -> assertEquals("a rule", "none", endpoint + " is missing from the table")));
                continue;
            }
            for (Caller caller : Caller.values()) {
                int expected = rule.expected(caller);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller + " -> " + expected, () -> {
                    Response r = rule.fixture().get().send(caller);
                    assertEquals(expected, r.statusCode(), endpoint + " as " + caller + ": " + r.asString());
                    if (expected >= 400) {
                        assertEquals("application/problem+json", r.contentType().split(";")[0]);
                        assertEquals(expected, r.jsonPath().getInt("status"));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
