package se.region.governance.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s against the modules: each rule holds for the manifests as committed (no problems) and reports a
 * copy broken on purpose (so a rule that stopped looking would fail here).
 */
class K8sManifestsTest {

    private static Project project;
    private static K8sManifests manifests;

    @BeforeAll
    static void load() {
        project = Project.load();
        manifests = K8sManifests.load(project.root().resolve("deploy/k8s"));
    }

    @Test
    void theChecksSeeTheSetAndWhatItReads() {
        assertEquals(List.of("governance-docs-service", "action-plan-service", "reporting-service", "gateway"),
                project.modules().stream().map(ServiceModule::name).toList());
        for (ServiceModule module : project.modules()) {
            assertTrue(K8sChecks.required(module, "prod").contains("JWT_PUBLIC_KEY_LOCATION"), module + " needs its key in prod");
        }
        ServiceModule reporting = module("reporting-service");
        assertTrue(reporting.environmentRead("prod").containsAll(List.of("DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "REPORTING_CONSUMER_GROUP",
                "GOVERNANCE_REPORTS_READABLE_LIST_LIMIT", "JAVA_OPTS", "QUARKUS_PROFILE")));
        assertFalse(module("gateway").environmentRead("prod").contains("DB_URL"), "the gateway has no database");
        assertEquals(java.util.Set.of("governance.documents", "actionplan.plans", "reporting.reports"), project.topicsOf(reporting));
        assertEquals(java.util.Set.of("governance.documents", "actionplan.plans"), project.topicsOf(module("action-plan-service")));
        assertEquals(3, project.localPartitions());
    }

    @Test
    void committedManifestsKeepEveryRule() {
        K8sChecks checks = new K8sChecks(manifests, project);
        assertEquals(List.of(), checks.deploymentsMatchModules());
        assertEquals(List.of(), checks.probes());
        assertEquals(List.of(), checks.resources());
        assertEquals(List.of(), checks.environment());
        assertEquals(List.of(), checks.secrets());
        assertEquals(List.of(), checks.verificationKeyMounted());
        assertEquals(List.of(), checks.databases());
        assertEquals(List.of(), checks.topics());
        assertEquals(List.of(), checks.autoscalers());
        assertEquals(List.of(), checks.disruptionBudgets());
        assertEquals(List.of(), checks.services());
        assertEquals(List.of(), checks.gatewayRoutes());
        assertEquals(List.of(), checks.noDevelopmentKey());
    }

    @Test
    void aMissingDeploymentIsReported() {
        K8sManifests copy = manifests.copy();
        copy.resources().remove(deployment(copy, "action-plan-service"));
        assertReports(new K8sChecks(copy, project).deploymentsMatchModules(), "action-plan-service: no Deployment named action-plan-service");
    }

    @Test
    void aMissingOrMisdirectedProbeIsReported() {
        K8sManifests copy = manifests.copy();
        container(copy, "gateway").setReadinessProbe(null);
        container(copy, "reporting-service").getLivenessProbe().getHttpGet().setPath("/q/health");
        container(copy, "action-plan-service").getReadinessProbe().getHttpGet().setPort(new IntOrString(8080));
        List<String> problems = new K8sChecks(copy, project).probes();
        assertReports(problems, "gateway: no readinessProbe");
        assertReports(problems, "reporting-service: livenessProbe asks /q/health, not /q/health/live");
        assertReports(problems, "action-plan-service: readinessProbe asks port 8080, not 8082");
    }

    @Test
    void aMissingLimitIsReported() {
        K8sManifests copy = manifests.copy();
        container(copy, "gateway").getResources().getLimits().remove("cpu");
        container(copy, "reporting-service").getResources().getRequests().put("memory", new Quantity("4Gi"));
        List<String> problems = new K8sChecks(copy, project).resources();
        assertReports(problems, "gateway: no cpu limit");
        assertReports(problems, "reporting-service: memory request 4Gi over its limit");
    }

    @Test
    void aVariableTheServiceNeverReadsIsReported() {
        K8sManifests copy = manifests.copy();
        container(copy, "governance-docs-service").getEnv().add(new EnvVar("REMINDER_EVERY", "1h", null));
        configMap(copy, "gateway-config").getData().put("KAFKA_BOOTSTRAP_SERVERS", "governance-kafka-bootstrap:9092");
        List<String> problems = new K8sChecks(copy, project).environment();
        assertReports(problems, "governance-docs-service: REMINDER_EVERY (the Deployment) is set, but the service never reads it");
        assertReports(problems, "gateway: KAFKA_BOOTSTRAP_SERVERS (ConfigMap gateway-config) is set, but the service never reads it");
    }

    @Test
    void aMissingRequiredVariableIsReported() {
        K8sManifests copy = manifests.copy();
        configMap(copy, "governance-auth").getData().remove("JWT_PUBLIC_KEY_LOCATION");
        configMap(copy, "gateway-config").getData().remove("GATEWAY_PUBLIC_URL");
        configMap(copy, "gateway-config").getData().remove("PLANS_SERVICE_URL");
        container(copy, "reporting-service").getEnv().removeIf(e -> e.getName().equals("DB_URL"));
        List<String> problems = new K8sChecks(copy, project).environment();
        for (ServiceModule module : project.modules()) {
            assertReports(problems, module.name() + ": JWT_PUBLIC_KEY_LOCATION is not set");
        }
        assertReports(problems, "gateway: GATEWAY_PUBLIC_URL is not set");
        assertReports(problems, "gateway: PLANS_SERVICE_URL is not set");
        assertReports(problems, "reporting-service: DB_URL is not set");
    }

    @Test
    void aCredentialOutsideASecretIsReported() {
        K8sManifests copy = manifests.copy();
        List<EnvVar> env = container(copy, "action-plan-service").getEnv();
        env.replaceAll(e -> e.getName().equals("DB_PASSWORD") ? new EnvVar("DB_PASSWORD", "governance", null) : e);
        configMap(copy, "governance-services").getData().put("DB_USER", "governance");
        List<String> problems = new K8sChecks(copy, project).secrets();
        assertReports(problems, "action-plan-service: DB_PASSWORD comes from the Deployment, not from a Secret");
        assertReports(problems, "ConfigMap governance-services holds the credential DB_USER");
    }

    @Test
    void aKeyOutsideAMountedVolumeIsReported() {
        K8sManifests copy = manifests.copy();
        configMap(copy, "governance-auth").getData().put("JWT_PUBLIC_KEY_LOCATION", "/deployments/public.pem");
        assertReports(new K8sChecks(copy, project).verificationKeyMounted(),
                "gateway: the key /deployments/public.pem lies in no volume mounted from a Secret or ConfigMap");
    }

    @Test
    void aServiceOnAnotherServicesDatabaseIsReported() {
        K8sManifests copy = manifests.copy();
        container(copy, "action-plan-service").getEnv().replaceAll(e -> e.getName().equals("DB_URL")
                ? new EnvVar("DB_URL", "jdbc:postgresql://governance-docs-db-rw:5432/governance_docs", null) : e);
        List<String> problems = new K8sChecks(copy, project).databases();
        assertReports(problems, "action-plan-service: shares the database Cluster governance-docs-db with governance-docs-service");
        assertReports(problems, "action-plan-service: DB_URL names the database governance_docs, the service's own is action_plan");
        assertReports(problems, "action-plan-service: DB_USER is not the key username of the Secret governance-docs-db-app");
    }

    @Test
    void aDatabaseWithoutClusterStandbyOrConnectionsIsReported() {
        K8sManifests copy = manifests.copy();
        copy.resources().remove(cluster(copy, "reporting-db"));
        GenericKubernetesResource docs = cluster(copy, "governance-docs-db");
        docs.<Map<String, Object>>get("spec").put("instances", 1);
        docs.<Map<String, Object>>get("spec", "postgresql", "parameters").put("max_connections", "100");
        List<String> problems = new K8sChecks(copy, project).databases();
        assertReports(problems, "reporting-service: DB_URL names reporting-db-rw, but there is no Cluster reporting-db");
        assertReports(problems, "governance-docs-service: Cluster governance-docs-db runs 1 instance(s)");
        assertReports(problems, "governance-docs-service: 8 pods of 22 connections need 176, Cluster governance-docs-db allows 97");
    }

    @Test
    void aTopicWithoutKafkaTopicOrWithOtherPartitionsIsReported() {
        K8sManifests copy = manifests.copy();
        copy.resources().remove(topic(copy, "actionplan.plans"));
        topic(copy, "governance.documents").<Map<String, Object>>get("spec").put("partitions", 1);
        List<String> problems = new K8sChecks(copy, project).topics();
        assertReports(problems, "action-plan-service: uses the topic actionplan.plans, which has no KafkaTopic of the cluster governance");
        assertReports(problems, "reporting-service: uses the topic actionplan.plans, which has no KafkaTopic");
        assertReports(problems, "KafkaTopic governance.documents: 1 partitions, locally 3");
    }

    @Test
    void aBootstrapServerOfNoKafkaHereIsReported() {
        K8sManifests copy = manifests.copy();
        configMap(copy, "governance-services").getData().put("KAFKA_BOOTSTRAP_SERVERS", "kafka.governance.svc:9092");
        assertReports(new K8sChecks(copy, project).topics(),
                "reporting-service: KAFKA_BOOTSTRAP_SERVERS names kafka.governance.svc:9092, not the <cluster>-kafka-bootstrap Service");
    }

    @Test
    void anAutoscalerOfNoDeploymentOrOfOnePodIsReported() {
        K8sManifests copy = manifests.copy();
        HorizontalPodAutoscaler gateway = copy.named(HorizontalPodAutoscaler.class, "gateway").orElseThrow();
        gateway.getSpec().getScaleTargetRef().setName("gateway-v2");
        copy.named(HorizontalPodAutoscaler.class, "reporting-service").orElseThrow().getSpec().setMinReplicas(1);
        deployment(copy, "action-plan-service").getSpec().setReplicas(1);
        List<String> problems = new K8sChecks(copy, project).autoscalers();
        assertReports(problems, "HorizontalPodAutoscaler gateway targets Deployment gateway-v2, no Deployment here");
        assertReports(problems, "Deployment gateway: 0 HorizontalPodAutoscalers, one wanted");
        assertReports(problems, "HorizontalPodAutoscaler reporting-service: minReplicas 1, at least 2");
        assertReports(problems, "Deployment action-plan-service: sets replicas");
    }

    @Test
    void aDeploymentWithoutDisruptionBudgetIsReported() {
        K8sManifests copy = manifests.copy();
        copy.resources().remove(copy.named(PodDisruptionBudget.class, "gateway").orElseThrow());
        assertReports(new K8sChecks(copy, project).disruptionBudgets(), "Deployment gateway: 0 PodDisruptionBudgets select its pods");
    }

    @Test
    void aRouteToNoServiceOrAMissingRouteIsReported() {
        K8sManifests copy = manifests.copy();
        configMap(copy, "gateway-config").getData().put("PLANS_SERVICE_URL", "http://action-plans:8082");
        configMap(copy, "gateway-config").getData().put("REPORTS_SERVICE_URL", "http://reporting-service:9000");
        List<String> problems = new K8sChecks(copy, project).gatewayRoutes();
        assertReports(problems, "gateway: gateway.routes.plans names http://action-plans:8082, not a Service of a module here");
        assertReports(problems, "gateway: gateway.routes.reports names port 9000, Service reporting-service has no such port");
        assertReports(problems, "gateway: no route reaches action-plan-service");
    }

    @Test
    void aListOfInstanceUrlsPassesWhenEachNamesAService() {
        K8sManifests copy = manifests.copy();
        configMap(copy, "gateway-config").getData().put("DOCS_SERVICE_URL",
                "http://governance-docs-service:8081,http://governance-docs-service.governance.svc.cluster.local:8081");
        assertEquals(List.of(), new K8sChecks(copy, project).gatewayRoutes());
    }

    @Test
    void developmentKeyMaterialIsReported() {
        K8sManifests copy = manifests.copy();
        ConfigMap leaked = new ConfigMapBuilder().withNewMetadata().withName("jwt-keys").endMetadata()
                .addToData("private.pem", Repository.read(project.root().resolve("deploy/local/dev-keys/private.pem"))).build();
        copy.texts().put("leaked.yaml", K8sManifests.SERIALIZATION.asYaml(leaked));
        copy.texts().put("mounted.yaml", "volumes: [{ name: k, hostPath: { path: /work/deploy/local/dev-keys } }]\n");
        List<String> problems = new K8sChecks(copy, project).noDevelopmentKey();
        assertReports(problems, "leaked.yaml holds a PEM private key");
        assertReports(problems, "leaked.yaml holds a line of a development key");
        assertReports(problems, "mounted.yaml names deploy/local/dev-keys");
    }

    // ---- helpers

    private static ServiceModule module(String name) {
        return project.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Deployment deployment(K8sManifests m, String name) {
        return m.named(Deployment.class, name).orElseThrow();
    }

    private static Container container(K8sManifests m, String name) {
        return deployment(m, name).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private static ConfigMap configMap(K8sManifests m, String name) {
        return m.configMap(name).orElseThrow();
    }

    private static GenericKubernetesResource cluster(K8sManifests m, String name) {
        return m.custom(K8sChecks.CNPG, "Cluster").stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static GenericKubernetesResource topic(K8sManifests m, String name) {
        return m.custom(K8sChecks.STRIMZI, "KafkaTopic").stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    static void assertReports(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), () -> "expected a problem starting with «" + expected + "» in " + problems);
    }
}
