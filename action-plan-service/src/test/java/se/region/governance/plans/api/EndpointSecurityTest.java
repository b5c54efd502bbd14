package se.region.governance.plans.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.HSF;

/**
 * The authorisation table of the service: every operation of its OpenAPI document × every kind of
 * caller, with the one status code each must answer. An operation the document lists and the table
 * does not (or the other way round) fails {@link #theTableHasEveryOperationOfTheOpenApiDocument}: a new
 * endpoint needs its row here. The fixture is a plan of {@code HR} with an HR measure, an update and
 * collaborations; "own unit" is a planner of HR, "other unit" a planner of HSF.
 */
@QuarkusTest
class EndpointSecurityTest {

    enum Caller {
        NO_TOKEN, READER, REGISTRAR, REPORTER, INTEGRATION, PLANNER_OWN_UNIT, PLANNER_OTHER_UNIT, ADMIN;

        String unit() {
            return this == PLANNER_OTHER_UNIT ? HSF : HR;
        }

        RequestSpecification spec() {
            RequestSpecification s = given().contentType("application/json");
            return switch (this) {
                case NO_TOKEN -> s;
                case READER -> s.auth().oauth2(TestTokens.token(Roles.READER));
                case REGISTRAR -> s.auth().oauth2(TestTokens.token(Roles.REGISTRAR));
                case REPORTER -> s.auth().oauth2(TestTokens.token(Roles.REPORTER));
                case INTEGRATION -> s.auth().oauth2(TestTokens.token(Roles.INTEGRATION));
                case PLANNER_OWN_UNIT -> s.auth().oauth2(TestTokens.tokenFor("planner-hr", HR, Roles.PLANNER));
                case PLANNER_OTHER_UNIT -> s.auth().oauth2(TestTokens.tokenFor("planner-hsf", HSF, Roles.PLANNER));
                case ADMIN -> s.auth().oauth2(TestTokens.tokenFor("admin", HR, Roles.ADMIN));
            };
        }
    }

    /** The plan of HR and what hangs on it. */
    record Fixture(String plan, String measure, String update, String collaboration, String planCollaboration) {
    }

    /** One operation: how to call it (as a caller, on the fixture) and what each caller gets. */
    record Operation(String key, Map<Caller, Integer> expected, Call call) {
    }

    interface Call {
        Response send(Caller caller, Fixture f);
    }

    static final List<Caller> BUSINESS_READERS = List.of(Caller.READER, Caller.REGISTRAR, Caller.REPORTER,
            Caller.PLANNER_OWN_UNIT, Caller.PLANNER_OTHER_UNIT, Caller.ADMIN);

    /** Every caller with a business role reads it; integration only where {@code integration} is true. */
    static Map<Caller, Integer> read(boolean integration) {
        Map<Caller, Integer> m = new LinkedHashMap<>();
        m.put(Caller.NO_TOKEN, 401);
        BUSINESS_READERS.forEach(c -> m.put(c, 200));
        m.put(Caller.INTEGRATION, integration ? 200 : 403);
        return m;
    }

    /** Public (ADR 10): every caller, with a token or without. */
    static Map<Caller, Integer> everyone() {
        Map<Caller, Integer> m = new LinkedHashMap<>();
        for (Caller c : Caller.values()) {
            m.put(c, 200);
        }
        return m;
    }

    static Map<Caller, Integer> adminOnly() {
        Map<Caller, Integer> m = new LinkedHashMap<>();
        for (Caller c : Caller.values()) {
            m.put(c, c == Caller.NO_TOKEN ? 401 : c == Caller.ADMIN ? 200 : 403);
        }
        return m;
    }

    /** Planner of the object's unit and admin: {@code ok}; planner of another unit and every other role: 403. */
    static Map<Caller, Integer> write(int ok) {
        Map<Caller, Integer> m = new LinkedHashMap<>();
        for (Caller c : Caller.values()) {
            m.put(c, switch (c) {
                case NO_TOKEN -> 401;
                case PLANNER_OWN_UNIT, ADMIN -> ok;
                default -> 403;
            });
        }
        return m;
    }

    static Operation get(String template, Map<Caller, Integer> expected, Function<Fixture, String> path) {
        return new Operation("GET " + template, expected, (c, f) -> c.spec().get(path.apply(f)));
    }

    static final String PLANS = "/api/v1/plans";

    static String plan(Fixture f) {
        return PLANS + "/" + f.plan();
    }

    static String measure(Fixture f) {
        return plan(f) + "/measures/" + f.measure();
    }

    static String etag(String path) {
        return Plans.admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    static String code() {
        return "S" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final List<Operation> TABLE = List.of(
            get("/api/v1/plans", read(false), f -> PLANS),
            get("/api/v1/plans/{id}", read(false), EndpointSecurityTest::plan),
            get("/api/v1/plans/{id}/measures", read(false), f -> plan(f) + "/measures"),
            get("/api/v1/plans/{id}/measures/{mid}", read(false), EndpointSecurityTest::measure),
            get("/api/v1/plans/{id}/measures/{mid}/updates", read(false), f -> measure(f) + "/updates"),
            get("/api/v1/plans/{id}/measures/{mid}/updates/{uid}", read(false),
                    f -> measure(f) + "/updates/" + f.update()),
            get("/api/v1/plans/{id}/measures/{mid}/collaborations", read(false), f -> measure(f) + "/collaborations"),
            get("/api/v1/plans/{id}/measures/{mid}/collaborations/{cid}", read(false),
                    f -> measure(f) + "/collaborations/" + f.collaboration()),
            get("/api/v1/plans/{id}/collaborations", read(false), f -> plan(f) + "/collaborations"),
            get("/api/v1/plans/{id}/collaborations/{cid}", read(false),
                    f -> plan(f) + "/collaborations/" + f.planCollaboration()),
            get("/api/v1/plans/{id}/history", read(false), f -> plan(f) + "/history"),
            get("/api/v1/plans/{id}/status", read(true), f -> plan(f) + "/status"),
            get("/api/v1/plans/{id}/changes", read(true), f -> plan(f) + "/changes"),
            get("/api/v1/plans/consumers", adminOnly(), f -> PLANS + "/consumers"),
            get("/api/v1/public/plans", everyone(), f -> "/api/v1/public/plans"),
            get("/api/v1/public/plans/{id}", everyone(), f -> "/api/v1/public/plans/" + f.plan()),
            new Operation("POST /api/v1/plans", write(201), (c, f) -> c.spec()
                    .body(Map.of("title", "Plan " + code(), "ownerUnit", HR)).post(PLANS)),
            new Operation("PATCH /api/v1/plans/{id}", write(200), (c, f) -> c.spec().header("If-Match", etag(plan(f)))
                    .body(Map.of("description", "Ändrad av " + c)).patch(plan(f))),
            // the caller's own unit as the new measure's: the place (the HR plan's top level) decides
            new Operation("POST /api/v1/plans/{id}/measures", write(201), (c, f) -> c.spec()
                    .body(Map.of("code", code(), "title", "Åtgärd", "responsibleUnit", c.unit()))
                    .post(plan(f) + "/measures")),
            new Operation("PATCH /api/v1/plans/{id}/measures/{mid}", write(200), (c, f) -> c.spec()
                    .header("If-Match", etag(measure(f))).body(Map.of("title", "Ändrad av " + c)).patch(measure(f))),
            new Operation("POST /api/v1/plans/{id}/measures/{mid}/updates", write(201), (c, f) -> c.spec()
                    .body(Map.of("date", "2023-05-01", "text", "Läget")).post(measure(f) + "/updates")),
            new Operation("POST /api/v1/plans/{id}/measures/{mid}/collaborations", write(201), (c, f) -> c.spec()
                    .body(Map.of("date", "2023-05-01", "parties", List.of("Vision"), "form", "DIALOGUE"))
                    .post(measure(f) + "/collaborations")),
            new Operation("POST /api/v1/plans/{id}/collaborations", write(201), (c, f) -> c.spec()
                    .body(Map.of("date", "2023-05-01", "parties", List.of("Kommunal"), "form", "SAMVERKANSGRUPP"))
                    .post(plan(f) + "/collaborations")));

    private static Fixture fixture;

    static synchronized Fixture fixture() {
        if (fixture == null) {
            String plan = Plans.createPlan();
            String measure = Plans.createMeasure(plan, "1", HR);
            String update = Plans.report(plan, measure, "{\"date\":\"2023-03-01\",\"progress\":10}");
            String collaboration = Plans.admin().body(Map.of("date", "2023-03-01", "parties", List.of("Vision"),
                    "form", "DIALOGUE")).post("/api/v1/plans/{id}/measures/{mid}/collaborations", plan, measure)
                    .then().statusCode(201).extract().path("id");
            String planCollaboration = Plans.admin().body(Map.of("date", "2023-03-01", "parties", List.of("Vision"),
                    "form", "DIALOGUE")).post("/api/v1/plans/{id}/collaborations", plan)
                    .then().statusCode(201).extract().path("id");
            fixture = new Fixture(plan, measure, update, collaboration, planCollaboration);
        }
        return fixture;
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Operation op : TABLE) {
            op.expected().forEach((caller, status) -> cells.add(Arguments.of(op.key(), caller, status, op)));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void eachCallerGetsExactlyItsStatus(String key, Caller caller, int expected, Operation op) {
        Response r = op.call().send(caller, fixture());
        r.then().statusCode(expected);
        if (expected >= 400) {
            r.then().contentType("application/problem+json").body("status", equalTo(expected))
                    .body("title", notNullValue()).body("detail", notNullValue());
        }
        if (expected == 401) {
            r.then().header("WWW-Authenticate", "Bearer").body("type", endsWith("/unauthorized"));
        }
        if (expected == 403) {
            // a role that may not write at all is refused by its role, a planner of another unit by the object
            boolean write = !key.startsWith("GET ");
            String type = write && caller == Caller.PLANNER_OTHER_UNIT ? "/not-your-unit" : "/forbidden";
            r.then().body("type", endsWith(type));
        }
    }

    @Test
    void theTableHasEveryOperationOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "patch", "delete", "head", "options");
        paths.forEach((path, item) -> item.keySet().stream().filter(methods::contains)
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> tabled = new TreeSet<>();
        TABLE.forEach(op -> tabled.add(op.key()));
        assertEquals(documented, tabled, "every documented operation needs a row in TABLE, and every row an operation");
        for (Operation op : TABLE) {
            assertEquals(Set.of(Caller.values()), op.expected().keySet(), op.key() + ": a status for every caller");
        }
    }

    /**
     * {@code @PermitAll} only on the public resource, which has only GET methods (and no other kind of
     * method): a public endpoint elsewhere, or a write on the public resource, fails here. Every other
     * resource method has a role rule (the table above checks which).
     */
    @Test
    void onlyThePublicResourceIsOpenAndItOnlyReads() {
        // every resource class of the service, found in its compiled classes, so a new one is checked too
        List<JavaClass> resources = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.region.governance.plans").stream().filter(c -> c.isAnnotatedWith(Path.class))
                .toList();
        Set<String> names = new TreeSet<>();
        resources.forEach(c -> names.add(c.getSimpleName()));
        assertTrue(names.containsAll(Set.of("PublicPlanResource", "PlanResource", "MeasureResource")), "" + names);
        for (JavaClass resource : resources) {
            boolean isPublic = resource.isEquivalentTo(PublicPlanResource.class);
            assertEquals(isPublic, resource.isAnnotatedWith(PermitAll.class), resource.getName() + ": @PermitAll");
            assertEquals(isPublic, resource.getAnnotationOfType(Path.class).value().startsWith("/api/v1/public/"),
                    resource.getName() + ": under /api/v1/public/");
            for (JavaMethod m : resource.getMethods()) {
                List<String> verbs = m.getAnnotations().stream()
                        .filter(a -> a.getRawType().isAnnotatedWith(HttpMethod.class))
                        .map(a -> a.getRawType().getSimpleName()).toList();
                if (verbs.isEmpty()) {
                    continue;
                }
                assertFalse(m.isAnnotatedWith(PermitAll.class), m.getFullName() + ": @PermitAll on a method");
                if (isPublic) {
                    assertEquals(List.of("GET"), verbs, m.getFullName() + ": the public resource only reads");
                    assertFalse(m.isAnnotatedWith(RolesAllowed.class), m.getFullName() + ": a role rule on a public read");
                } else {
                    assertTrue(m.isAnnotatedWith(RolesAllowed.class), m.getFullName() + ": a role rule");
                }
            }
        }
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/public/plans'.keySet()", contains("get"))
                .body("paths.'/api/v1/public/plans/{id}'.keySet()", contains("get"))
                .body("paths.'/api/v1/public/plans'.get.security", nullValue())
                .body("paths.'/api/v1/public/plans'.get.tags", contains("Public"))
                .body("paths.'/api/v1/public/plans/{id}'.get.security", nullValue())
                .body("paths.'/api/v1/plans/{id}'.get.security", notNullValue());
    }

    /** A bad token is refused on every operation with a role rule; a public read does not look at it (as the gateway). */
    @Test
    void aBadTokenIsRefusedOnEveryOperationButThePublicReads() {
        Fixture f = fixture();
        List<String> bad = List.of(TestTokens.expired(Roles.ADMIN), TestTokens.wrongKey(Roles.ADMIN),
                TestTokens.wrongIssuer(Roles.ADMIN), TestTokens.wrongAudience(Roles.ADMIN), TestTokens.algNone(Roles.ADMIN));
        for (Operation op : TABLE) {
            boolean isPublic = op.key().startsWith("GET /api/v1/public/");
            for (String token : bad) {
                String method = op.key().substring(0, op.key().indexOf(' '));
                given().auth().oauth2(token).contentType("application/json").body("{}")
                        .request(method, pathOf(op, f)).then().statusCode(isPublic ? 200 : 401)
                        .contentType(isPublic ? "application/json" : "application/problem+json");
            }
        }
    }

    /** The concrete path an operation is called on, from its template and the fixture. */
    private static String pathOf(Operation op, Fixture f) {
        return op.key().substring(op.key().indexOf(' ') + 1)
                .replace("{id}", f.plan()).replace("{mid}", f.measure()).replace("{uid}", f.update())
                .replace("{cid}", f.collaboration());
    }
}
