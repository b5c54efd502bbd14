package se.region.governance.e2e;

import org.awaitility.core.ConditionTimeoutException;
import se.region.governance.commons.testing.LocalInfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole set as the run command starts it: the four packaged services (their
 * {@code target/quarkus-app} from the same reactor run), each a separate JVM, the three services on
 * their own {@code *_e2e} databases (emptied at start), all on the real Kafka broker, on topics named
 * with the prefix {@value #TOPIC_PREFIX} and consumer groups of their own. Ports are offset from the run
 * command's so a running local set is not disturbed.
 */
final class ServiceSet implements AutoCloseable {

    static final int GATEWAY_PORT = 28080;
    /**
     * Put before every topic name the set publishes to and consumes (governance.outbox.topic-prefix), so
     * the run neither reads nor feeds a local set's or a benchmark's topics and consumer groups.
     */
    static final String TOPIC_PREFIX = "e2e.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path root = LocalInfra.root();
    private final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ServiceSet start() throws Exception {
        ServiceSet set = new ServiceSet();
        try {
            set.startAll();
        } catch (Exception | Error e) {
            set.close();
            throw e;
        }
        return set;
    }

    String gateway() {
        return "http://127.0.0.1:" + GATEWAY_PORT;
    }

    private void startAll() throws Exception {
        Files.createDirectories(logs);
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("governance-docs-service", 28081);
        services.put("action-plan-service", 28082);
        services.put("reporting-service", 28083);
        Map<String, String> databases = Map.of("governance-docs-service", "governance_docs_e2e",
                "action-plan-service", "action_plan_e2e", "reporting-service", "reporting_e2e");
        Map<String, List<String>> topics = Map.of(
                "governance-docs-service", List.of(),
                "action-plan-service", List.of(
                        "-Dmp.messaging.incoming.governance-documents.topic=" + TOPIC_PREFIX + "governance.documents",
                        "-Dmp.messaging.incoming.governance-documents.group.id=action-plan-service-e2e"),
                "reporting-service", List.of(
                        "-Dmp.messaging.incoming.governance-documents.topic=" + TOPIC_PREFIX + "governance.documents",
                        "-Dmp.messaging.incoming.actionplan-plans.topic=" + TOPIC_PREFIX + "actionplan.plans",
                        "-DREPORTING_CONSUMER_GROUP=reporting-service-e2e"));
        for (Map.Entry<String, Integer> s : services.entrySet()) {
            List<String> options = new ArrayList<>(List.of("-Dquarkus.flyway.clean-disabled=false",
                    "-Dquarkus.flyway.clean-at-start=true", "-Dgovernance.outbox.topic-prefix=" + TOPIC_PREFIX));
            options.addAll(topics.get(s.getKey()));
            launch(s.getKey(), s.getValue(), Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + databases.get(s.getKey())),
                    options);
        }
        launch("gateway", GATEWAY_PORT, Map.of(
                "DOCS_SERVICE_URL", "http://127.0.0.1:28081",
                "PLANS_SERVICE_URL", "http://127.0.0.1:28082",
                "REPORTS_SERVICE_URL", "http://127.0.0.1:28083",
                // the journey runs many requests as one caller: the limit itself is the gateway's own tests' business
                "GATEWAY_RATE_LIMIT_PER_SECOND", "1000", "GATEWAY_RATE_LIMIT_BURST", "2000"), List.of());
        for (Map.Entry<String, Integer> s : services.entrySet()) {
            awaitReady(s.getKey(), s.getValue());
        }
        awaitReady("gateway", GATEWAY_PORT);
    }

    private void launch(String module, int port, Map<String, String> env, List<String> extraOptions) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through the reactor (deploy/local/test), "
                    + "which packages every service before this module");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port));
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile());
        pb.environment().put("GOVERNANCE_ROOT", root.toString());
        pb.environment().putAll(env);
        processes.put(module, pb.start());
    }

    /** Stops one service as a crash or a scale-down would (the others keep running). */
    void stop(String module) throws InterruptedException {
        Process p = processes.get(module);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /**
     * Starts a packaged module once more, apart from the set, and returns its exit code once it
     * stops by itself (a start that must be refused); its log is {@code <name>.log} in the logs folder.
     */
    int runUntilExit(String module, String name, Map<String, String> env, List<String> options, Duration within)
            throws Exception {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        pb.environment().put("GOVERNANCE_ROOT", root.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(name + " still runs after " + within + "; see " + log(name));
        }
        return p.exitValue();
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    private void awaitReady(String module, int port) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (processes.values().stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException("a service exited during start; see " + logs);
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(module + " not ready after " + READY_TIMEOUT + "; see " + logs.resolve(module + ".log"));
        }
    }

    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
