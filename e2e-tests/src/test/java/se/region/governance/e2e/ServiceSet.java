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
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The whole set as the run command starts it: the packaged services (their {@code target/quarkus-app}
 * from the same reactor run), each instance a separate JVM, the three services on their own
 * {@code *_e2e} databases, all on the real Kafka broker, on topics named with a prefix of their own
 * ({@value #TOPIC_PREFIX} by default) and consumer groups of their own. Ports are offset from the run
 * command's so a running local set is not disturbed; instance {@code i} (from 0) of a service listens
 * on the service's port + {@value #INSTANCE_PORT_STEP}·i, as with {@code deploy/local/run --instances}.
 * <p>
 * Every instance names itself to PostgreSQL ({@code ApplicationName} in its {@code DB_URL}), so
 * {@code pg_stat_activity} and {@code pg_locks} tell which instance holds what. An instance can be
 * killed as a crash would kill it ({@link #kill}) and started again ({@link #restart}).
 */
final class ServiceSet implements AutoCloseable {

    static final int GATEWAY_PORT = 28080;
    /**
     * Put before every topic name the set publishes to and consumes (governance.outbox.topic-prefix), so
     * the run neither reads nor feeds a local set's or a benchmark's topics and consumer groups.
     */
    static final String TOPIC_PREFIX = "e2e.";
    /** Instance i of a service listens on its first instance's port + this · i. */
    static final int INSTANCE_PORT_STEP = 100;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** The three services: their module, the first instance's port, their database. */
    enum Service {
        DOCS("governance-docs-service", 28081, "governance_docs_e2e"),
        PLANS("action-plan-service", 28082, "action_plan_e2e"),
        REPORTS("reporting-service", 28083, "reporting_e2e");

        final String module;
        final int port;
        final String database;

        Service(String module, int port, String database) {
            this.module = module;
            this.port = port;
            this.database = database;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:5432/" + database;
        }
    }

    /**
     * How a set is laid out.
     *
     * @param instances    instances of each service
     * @param topicPrefix  before every topic name the set publishes to and reads
     * @param groupSuffix  after the consumer groups' names (a fresh suffix reads a topic from its start)
     * @param cleanAtStart Flyway empties each database at start (with several instances the caller empties
     *                     them instead: one instance's clean would drop what the other had migrated)
     * @param gateway      whether a gateway runs in front of them
     * @param options      more JVM options of a service's instances
     */
    record Layout(int instances, String topicPrefix, String groupSuffix, boolean cleanAtStart, boolean gateway,
                  Map<Service, List<String>> options) {

        /** One instance of each service behind the gateway, on the {@value #TOPIC_PREFIX} topics. */
        static Layout wholeSet() {
            return new Layout(1, TOPIC_PREFIX, "-e2e", true, true, Map.of());
        }

        /** The topics the set publishes to, as named on the broker. */
        List<String> topics() {
            return List.of(topicPrefix + "governance.documents", topicPrefix + "actionplan.plans",
                    topicPrefix + "reporting.reports");
        }

        /** The consumer group of a service's consumers. */
        String group(Service service) {
            return service.module + groupSuffix;
        }
    }

    /** One JVM of a packaged module, with what started it, so that it can be started again. */
    static final class Instance {
        final String module;
        final String name;
        final int port;
        private final List<String> command;
        private final Map<String, String> env;
        private Process process;
        private boolean down; // stopped or killed on purpose

        private Instance(String module, String name, int port, List<String> command, Map<String, String> env) {
            this.module = module;
            this.name = name;
            this.port = port;
            this.command = command;
            this.env = env;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        @Override
        public String toString() {
            return name + " (:" + port + (process == null ? "" : ", pid " + process.pid()) + ")";
        }
    }

    private final Path root = LocalInfra.root();
    private final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Layout layout;

    private ServiceSet(Layout layout) {
        this.layout = layout;
    }

    /** One instance of each service and the gateway, started and ready. */
    static ServiceSet start() throws Exception {
        ServiceSet set = launch(Layout.wholeSet());
        try {
            set.awaitReady();
        } catch (Exception | Error e) {
            set.close();
            throw e;
        }
        return set;
    }

    /**
     * Starts every instance of the layout (and the gateway, if any) at the same moment and returns
     * without waiting for them ({@link #awaitReady()} does). The set's topics that do not exist yet are
     * created first, with {@value Broker#PARTITIONS} partitions.
     */
    static ServiceSet launch(Layout layout) throws Exception {
        ServiceSet set = new ServiceSet(layout);
        try (Broker broker = new Broker()) {
            broker.ensureTopics(layout.topics());
            set.launchAll();
        } catch (Exception | Error e) {
            set.close();
            throw e;
        }
        return set;
    }

    String gateway() {
        return "http://127.0.0.1:" + GATEWAY_PORT;
    }

    /** The instances of a service, in order. */
    List<Instance> instancesOf(Service service) {
        return instances.values().stream().filter(i -> i.module.equals(service.module)).toList();
    }

    Instance instance(String name) {
        Instance i = instances.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no instance " + name + " in " + instances.keySet());
        }
        return i;
    }

    /** An instance's name: the module's with one instance, else {@code <module>-<i>} from 1 (as deploy/local/run names them). */
    private String name(Service service, int index) {
        return layout.instances() == 1 ? service.module : service.module + "-" + (index + 1);
    }

    private void launchAll() throws IOException {
        Files.createDirectories(logs);
        for (Service service : Service.values()) {
            for (int i = 0; i < layout.instances(); i++) {
                String name = name(service, i);
                List<String> options = new ArrayList<>(List.of("-Dgovernance.outbox.topic-prefix=" + layout.topicPrefix()));
                if (layout.cleanAtStart()) {
                    options.addAll(List.of("-Dquarkus.flyway.clean-disabled=false", "-Dquarkus.flyway.clean-at-start=true"));
                }
                options.addAll(consumerOptions(service, name));
                options.addAll(layout.options().getOrDefault(service, List.of()));
                add(service.module, name, service.port + INSTANCE_PORT_STEP * i, options,
                        Map.of("DB_URL", service.jdbcUrl() + "?ApplicationName=" + name));
            }
        }
        if (layout.gateway()) {
            // one URL per route with one instance (what the gateway takes today); with several, the list of them
            add("gateway", "gateway", GATEWAY_PORT, List.of(), Map.of(
                    "DOCS_SERVICE_URL", urls(Service.DOCS),
                    "PLANS_SERVICE_URL", urls(Service.PLANS),
                    "REPORTS_SERVICE_URL", urls(Service.REPORTS),
                    // the journey runs many requests as one caller: the limit itself is the gateway's own tests' business
                    "GATEWAY_RATE_LIMIT_PER_SECOND", "1000", "GATEWAY_RATE_LIMIT_BURST", "2000",
                    // and the browser test reads the public pages as one address
                    "GATEWAY_PUBLIC_RATE_LIMIT_PER_SECOND", "1000", "GATEWAY_PUBLIC_RATE_LIMIT_BURST", "2000"));
        }
        for (Instance instance : instances.values()) {
            Files.deleteIfExists(log(instance.name));
            start(instance);
        }
    }

    /** The consumers' topics and groups of the layout; each consumer named after its instance ({@code client.id}). */
    private List<String> consumerOptions(Service service, String name) {
        String documents = "-Dmp.messaging.incoming.governance-documents.";
        String plans = "-Dmp.messaging.incoming.actionplan-plans.";
        return switch (service) {
            case DOCS -> List.of();
            case PLANS -> List.of(documents + "topic=" + layout.topicPrefix() + "governance.documents",
                    documents + "group.id=" + layout.group(service), documents + "client.id=" + name);
            case REPORTS -> List.of(documents + "topic=" + layout.topicPrefix() + "governance.documents",
                    plans + "topic=" + layout.topicPrefix() + "actionplan.plans",
                    "-DREPORTING_CONSUMER_GROUP=" + layout.group(service),
                    documents + "client.id=" + name + "-documents", plans + "client.id=" + name + "-plans");
        };
    }

    /** Waits until every instance is ready. */
    void awaitReady() {
        for (Instance instance : instances.values()) {
            awaitReady(instance);
        }
    }

    private String urls(Service service) {
        return instancesOf(service).stream().map(Instance::url).collect(Collectors.joining(","));
    }

    private void add(String module, String name, int port, List<String> extraOptions, Map<String, String> env) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through the reactor (deploy/local/test), "
                    + "which packages every service before this module");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port));
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", jar.toString()));
        instances.put(name, new Instance(module, name, port, List.copyOf(command), Map.copyOf(env)));
    }

    private void start(Instance instance) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(instance.command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(instance.name).toFile()));
        pb.environment().put("GOVERNANCE_ROOT", root.toString());
        pb.environment().putAll(instance.env);
        instance.process = pb.start();
        instance.down = false;
    }

    /** Stops one instance as a scale-down would (its shutdown runs); the others keep running. */
    void stop(String name) throws InterruptedException {
        Instance instance = instance(name);
        instance.down = true;
        Process p = instance.process;
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /**
     * Kills one instance as a crash would: SIGKILL to its JVM's own pid ({@link Process#destroyForcibly()}
     * on the {@code java} process itself), so no shutdown hook runs and its connections are cut by the
     * operating system. Returns once the process is gone.
     */
    void kill(String name) throws InterruptedException {
        Instance instance = instance(name);
        instance.down = true;
        instance.process.destroyForcibly();
        if (!instance.process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(instance + " still runs 30 s after SIGKILL");
        }
    }

    /** Starts a stopped or killed instance again with the same command and waits until it is ready. */
    void restart(String name) throws IOException {
        Instance instance = instance(name);
        if (instance.isAlive()) {
            throw new IllegalStateException(instance + " still runs");
        }
        start(instance);
        awaitReady(instance);
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

    private void awaitReady(Instance instance) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(instance.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (Instance i : instances.values()) {
                    if (i.process != null && !i.down && !i.isAlive()) {
                        throw new IllegalStateException(i + " exited; see " + log(i.name));
                    }
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(instance + " not ready after " + READY_TIMEOUT + "; see " + log(instance.name));
        }
    }

    @Override
    public void close() {
        List<Process> running = instances.values().stream().filter(Instance::isAlive).map(i -> i.process).toList();
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
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
