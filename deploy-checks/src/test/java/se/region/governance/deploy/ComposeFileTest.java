package se.region.governance.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.region.governance.deploy.K8sManifestsTest.assertReports;

/**
 * deploy/compose/compose.yaml against the modules: each rule holds for the file as committed and reports a copy
 * broken on purpose.
 */
class ComposeFileTest {

    private static Project project;
    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        project = Project.load();
        compose = ComposeFile.load(project.root().resolve("deploy/compose/compose.yaml"));
    }

    @Test
    void mergeKeysAreResolved() {
        Map<String, String> env = ComposeFile.environment(compose.service("reporting-service"));
        assertEquals("local", env.get("QUARKUS_PROFILE"));
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("jdbc:postgresql://postgres:5432/reporting", env.get("DB_URL"));
    }

    @Test
    void committedFileKeepsEveryRule() {
        ComposeChecks checks = new ComposeChecks(compose, project);
        assertEquals(List.of(), checks.servicesMatchModules());
        assertEquals(List.of(), checks.healthchecks());
        assertEquals(List.of(), checks.environment());
        assertEquals(List.of(), checks.databases());
        assertEquals(List.of(), checks.kafka());
        assertEquals(List.of(), checks.verificationKeyMounted());
        assertEquals(List.of(), checks.noPrivateKey());
        assertEquals(List.of(), checks.gatewayRoutes());
    }

    @Test
    void aModuleWithoutServiceIsReported() {
        ComposeFile copy = compose.copy();
        copy.services().remove("action-plan-service");
        assertReports(new ComposeChecks(copy, project).servicesMatchModules(), "action-plan-service: no Compose service named action-plan-service");
    }

    @Test
    void aMissingOrWrongHealthcheckIsReported() {
        ComposeFile copy = compose.copy();
        copy.service("kafka").remove("healthcheck");
        copy.service("gateway").put("healthcheck", Map.of("test", List.of("CMD", "curl", "-fsS", "http://127.0.0.1:8080/q/health/live")));
        List<String> problems = new ComposeChecks(copy, project).healthchecks();
        assertReports(problems, "kafka: no healthcheck");
        assertReports(problems, "gateway: its healthcheck (CMD curl -fsS http://127.0.0.1:8080/q/health/live) does not ask :8080/q/health/ready");
    }

    @Test
    void waitingOnlyForAStartedDependencyIsReported() {
        ComposeFile copy = compose.copy();
        copy.service("reporting-service").put("depends_on", List.of("postgres", "kafka"));
        assertReports(new ComposeChecks(copy, project).healthchecks(), "reporting-service: waits for postgres until service_started, not service_healthy");
    }

    @Test
    void aDeadOrMissingVariableIsReported() {
        ComposeFile copy = compose.copy();
        env(copy, "gateway").put("DB_USER", "governance");
        env(copy, "governance-docs-service").remove("KAFKA_BOOTSTRAP_SERVERS");
        env(copy, "action-plan-service").put("QUARKUS_PROFILE", "prod");
        List<String> problems = new ComposeChecks(copy, project).environment();
        assertReports(problems, "gateway: DB_USER is set, but the service never reads it");
        assertReports(problems, "governance-docs-service: KAFKA_BOOTSTRAP_SERVERS is not set");
        assertReports(problems, "action-plan-service: JWT_PUBLIC_KEY_LOCATION is not set");
        assertReports(problems, "action-plan-service: GOVERNANCE_ROOT is set, but the service never reads it");
    }

    @Test
    void aSharedOrUncreatedDatabaseIsReported() {
        ComposeFile copy = compose.copy();
        env(copy, "reporting-service").put("DB_URL", "jdbc:postgresql://postgres:5432/governance_docs");
        env(copy, "action-plan-service").put("DB_URL", "jdbc:postgresql://postgres:5432/action_plans");
        List<String> problems = new ComposeChecks(copy, project).databases();
        assertReports(problems, "reporting-service: shares the database governance_docs with governance-docs-service");
        assertReports(problems, "action-plan-service: postgres creates no database action_plans");
    }

    @Test
    void aBrokerOfNoServiceOrOtherPartitionsIsReported() {
        ComposeFile copy = compose.copy();
        env(copy, "kafka").put("KAFKA_NUM_PARTITIONS", "1");
        env(copy, "reporting-service").put("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
        List<String> problems = new ComposeChecks(copy, project).kafka();
        assertReports(problems, "kafka: KAFKA_NUM_PARTITIONS 1, locally 3");
        assertReports(problems, "reporting-service: KAFKA_BOOTSTRAP_SERVERS names broker:9092, which is no service here");
    }

    @Test
    void mountingTheDevelopmentKeyFolderIsReported() {
        ComposeFile copy = compose.copy();
        copy.service("gateway").put("volumes", List.of("../local/dev-keys:/governance/deploy/local/dev-keys:ro"));
        assertReports(new ComposeChecks(copy, project).noPrivateKey(),
                "gateway: mounts ../local/dev-keys, which holds the private key deploy/local/dev-keys/private.pem");
    }

    @Test
    void anUnmountedVerificationKeyIsReported() {
        ComposeFile copy = compose.copy();
        copy.service("action-plan-service").remove("volumes");
        assertReports(new ComposeChecks(copy, project).verificationKeyMounted(),
                "action-plan-service: the key /governance/deploy/local/dev-keys/public.pem is not mounted");
    }

    @Test
    void aRouteToNoServiceIsReported() {
        ComposeFile copy = compose.copy();
        env(copy, "gateway").put("REPORTS_SERVICE_URL", "http://reporting-service:8082");
        List<String> problems = new ComposeChecks(copy, project).gatewayRoutes();
        assertReports(problems, "gateway: gateway.routes.reports names port 8082, reporting-service listens on 8083");
        assertReports(problems, "gateway: no route reaches reporting-service");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(ComposeFile file, String service) {
        return (Map<String, Object>) file.service(service).get("environment");
    }
}
