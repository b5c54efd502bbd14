package se.region.governance.reports.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of the service's OpenAPI document against every caller, with the exact status each gets: an endpoint
 * the table does not name fails the test. The allowed callers' requests go to a report that does not exist (404) or
 * carry an empty body (400), so that each answer is known; every refusal is problem+json. The public endpoints answer
 * everyone alike, and only they are open ({@code @PermitAll}).
 */
@QuarkusTest
class AuthorisationTableTest {

    static final String NONE = "no token";
    static final List<String> CALLERS = List.of(Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION,
            Roles.ADMIN, NONE);
    static final Set<String> READERS = Set.of(Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN);
    static final Set<String> WRITERS = Set.of(Roles.REPORTER, Roles.ADMIN);
    static final Set<String> OPERATORS = Set.of(Roles.ADMIN);
    /** The public endpoints (ADR 10): everyone, with or without a token. */
    static final Set<String> ANYONE = Set.copyOf(CALLERS);

    /** Per endpoint: who may call it, and what an allowed caller's request below answers. */
    record Rule(Set<String> allowed, int allowedStatus) {
    }

    static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /api/v1/reports", new Rule(READERS, 200));
        TABLE.put("POST /api/v1/reports", new Rule(WRITERS, 400));
        TABLE.put("GET /api/v1/reports/consumers", new Rule(OPERATORS, 200));
        TABLE.put("GET /api/v1/reports/{id}", new Rule(READERS, 404));
        TABLE.put("PATCH /api/v1/reports/{id}", new Rule(WRITERS, 404));
        TABLE.put("POST /api/v1/reports/{id}/recompile", new Rule(WRITERS, 404));
        TABLE.put("POST /api/v1/reports/{id}/finalize", new Rule(WRITERS, 404));
        TABLE.put("GET /api/v1/public/reports", new Rule(ANYONE, 200));
        TABLE.put("GET /api/v1/public/reports/{id}", new Rule(ANYONE, 404));
        TABLE.put("GET /api/v1/public/reports/{id}/fragment", new Rule(ANYONE, 404));
    }

    @Test
    void theTableNamesEveryEndpointOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertEquals(documented, new TreeSet<>(TABLE.keySet()), "every endpoint has a rule in the table, and only those");
    }

    @Test
    void everyCallerGetsExactlyItsStatusOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        TABLE.forEach((endpoint, rule) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", id);
            for (String caller : CALLERS) {
                int expected = rule.allowed().contains(caller) ? rule.allowedStatus() : NONE.equals(caller) ? 401 : 403;
                RequestSpecification request = NONE.equals(caller) ? given() : given().auth().oauth2(TestTokens.token(caller));
                if (!"GET".equals(method)) {
                    request.contentType("application/json").body("{}");
                }
                io.restassured.response.Response answer = request.request(method, path);
                String type = answer.getContentType();
                if (answer.statusCode() != expected) {
                    wrong.add(endpoint + " as " + caller + ": " + answer.statusCode() + ", expected " + expected);
                } else if (expected >= 400 && !type.startsWith("application/problem+json")) {
                    wrong.add(endpoint + " as " + caller + ": " + expected + " as " + type + ", not problem+json");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** Open to anyone only under /api/v1/public, GET only, tagged Public and without a security requirement. */
    @Test
    void permitAllIsOnlyOnThePublicResourceAndOnlyForReads() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.region.governance.reports");
        classes().that().areAnnotatedWith(PermitAll.class).should().be(PublicReportResource.class)
                .check(classes);
        methods().that().areAnnotatedWith(PermitAll.class).should().beDeclaredIn(PublicReportResource.class)
                .allowEmptyShould(true).check(classes);
        methods().that().areDeclaredIn(PublicReportResource.class).and().arePublic().should().beAnnotatedWith(GET.class)
                .andShould().notBeAnnotatedWith(RolesAllowed.class).check(classes);
        noClasses().that().areAnnotatedWith(Path.class).and().doNotBelongToAnyOf(PublicReportResource.class)
                .should(new ArchCondition<>("have a path under /api/v1/public") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        if (c.getAnnotationOfType(Path.class).value().startsWith("/api/v1/public")) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is under /api/v1/public"));
                        }
                    }
                }).check(classes);

        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            boolean open = path.startsWith("/api/v1/public/");
            Object security = operation.get("security");
            boolean secured = security instanceof List<?> l && !l.isEmpty();
            if (open && (!"get".equals(method) || secured || !List.of("Public").equals(operation.get("tags")))) {
                wrong.add(method + " " + path + ": a public endpoint is a GET tagged Public without security");
            } else if (!open && List.of("Public").equals(operation.get("tags"))) {
                wrong.add(method + " " + path + ": tagged Public outside /api/v1/public");
            }
        }));
        assertEquals(List.of(), wrong);
    }

    /** A bad token is refused everywhere but on the public endpoints, which ignore any token and answer as to anyone. */
    @Test
    void aBadTokenIsUnauthorisedOnEveryEndpointButThePublicOnes() {
        List<String> wrong = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        for (String endpoint : TABLE.keySet()) {
            Rule rule = TABLE.get(endpoint);
            int expected = rule.allowed().contains(NONE) ? rule.allowedStatus() : 401;
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", id);
            for (String bad : new String[]{TestTokens.expired(Roles.ADMIN), TestTokens.wrongKey(Roles.ADMIN),
                    TestTokens.wrongIssuer(Roles.ADMIN), TestTokens.wrongAudience(Roles.ADMIN), TestTokens.algNone(Roles.ADMIN)}) {
                int status = given().auth().oauth2(bad).contentType("application/json").body("{}").request(method, path).statusCode();
                if (status != expected) {
                    wrong.add(endpoint + ": " + status + ", expected " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
