package se.region.governance.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules deploy/k8s must keep, each answering the problems it found (empty: kept). The facts come from the
 * checkout (Project); only the few rules no property can say are named here, each with its reason.
 */
final class K8sChecks {

    static final String PROFILE = "prod";
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";

    /**
     * Set in a cluster although a default exists: the defaults are the local development login and issuer, and
     * the gateway's prod profile refuses to start without its public URL (%prod.gateway.require-public-url).
     */
    static final Set<String> REQUIRED_IN_CLUSTER = Set.of("DB_USER", "DB_PASSWORD", "JWT_ISSUER", "GATEWAY_PUBLIC_URL");
    /** Names whose values are credentials: they come from a Secret, never from a literal or a ConfigMap. */
    static final Pattern SECRET_NAME = Pattern.compile("DB_USER|.*(PASSWORD|SECRET|CREDENTIAL|PRIVATE).*");
    static final String STRIMZI = "kafka.strimzi.io/v1beta2";
    static final String CNPG = "postgresql.cnpg.io/v1";
    /** Unpooled connections an instance may hold besides its pool: the outbox relay's and the documents' LISTEN (commons' DedicatedConnections). */
    static final int DEDICATED_CONNECTIONS = 2;
    /** PostgreSQL's default superuser_reserved_connections, which CloudNativePG keeps. */
    static final int RESERVED_CONNECTIONS = 3;

    private final K8sManifests manifests;
    private final Project project;

    K8sChecks(K8sManifests manifests, Project project) {
        this.manifests = manifests;
        this.project = project;
    }

    /** Each deployable module runs as one Deployment of its name with a container of its name; no other Deployment. */
    List<String> deploymentsMatchModules() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (ServiceModule module : project.modules()) {
            names.add(module.name());
            Optional<Deployment> deployment = manifests.named(Deployment.class, module.name());
            if (deployment.isEmpty()) {
                problems.add(module + ": no Deployment named " + module.name());
            } else if (container(deployment.get(), module).isEmpty()) {
                problems.add(module + ": its Deployment has no container named " + module.name());
            }
        }
        manifests.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).filter(n -> !names.contains(n))
                .forEach(n -> problems.add("Deployment " + n + " runs no module of the set"));
        return problems;
    }

    /** Readiness and liveness probes on Quarkus' health paths, on the port the service listens on. */
    List<String> probes() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            if (container.getPorts().stream().noneMatch(p -> Objects.equals(p.getContainerPort(), module.port()))) {
                problems.add(module + ": no containerPort " + module.port() + " (quarkus.http.port)");
            }
            checkProbe(problems, module, container, "readinessProbe", container.getReadinessProbe(), READY);
            checkProbe(problems, module, container, "livenessProbe", container.getLivenessProbe(), LIVE);
        });
        return problems;
    }

    private static void checkProbe(List<String> problems, ServiceModule module, Container container, String kind, Probe probe,
                                   String path) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(module + ": no " + kind + " (httpGet " + path + ")");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(module + ": " + kind + " asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
        Integer port = containerPort(container, probe.getHttpGet().getPort());
        if (!Objects.equals(port, module.port())) {
            problems.add(module + ": " + kind + " asks port " + show(probe.getHttpGet().getPort()) + ", not " + module.port());
        }
    }

    /** CPU and memory requested and limited, each request within its limit (the autoscaler counts CPU against the request). */
    List<String> resources() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            var resources = container.getResources();
            Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
            Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = requests.get(resource);
                Quantity limit = limits.get(resource);
                if (request == null) {
                    problems.add(module + ": no " + resource + " request");
                }
                if (limit == null) {
                    problems.add(module + ": no " + resource + " limit");
                }
                if (request != null && limit != null && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(module + ": " + resource + " request " + request + " over its limit " + limit);
                }
            }
        });
        return problems;
    }

    /**
     * The environment holds every variable the service cannot do without and only variables it reads. Required:
     * those its values name without a default, those whose default is a loopback address (nothing listens there
     * in a pod) and REQUIRED_IN_CLUSTER.
     */
    List<String> environment() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            Map<String, Value> env = environmentOf(container, problems, module);
            String profile = Optional.ofNullable(env.get("QUARKUS_PROFILE")).map(Value::literal).orElse(PROFILE);
            Set<String> read = module.environmentRead(profile);
            for (String name : required(module, profile)) {
                if (!env.containsKey(name)) {
                    problems.add(module + ": " + name + " is not set, and the service needs it");
                }
            }
            for (Map.Entry<String, Value> entry : env.entrySet()) {
                if (!read.contains(entry.getKey())) {
                    problems.add(module + ": " + entry.getKey() + " (" + entry.getValue().origin() + ") is set, but the service never reads it");
                }
            }
        });
        return problems;
    }

    static Set<String> required(ServiceModule module, String profile) {
        Set<String> required = new TreeSet<>(module.environmentWithoutDefault(profile));
        module.environmentDefaults(profile).forEach((name, defaultValue) -> {
            if (defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost")) {
                required.add(name);
            }
        });
        Set<String> read = module.environmentRead(profile);
        REQUIRED_IN_CLUSTER.stream().filter(read::contains).forEach(required::add);
        return required;
    }

    /** Credentials come from Secrets (secretKeyRef); no ConfigMap holds one. */
    List<String> secrets() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> environmentOf(container, new ArrayList<>(), module).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value.secret() == null) {
                problems.add(module + ": " + name + " comes from " + value.origin() + ", not from a Secret");
            }
        }));
        for (ConfigMap map : manifests.all(ConfigMap.class)) {
            if (map.getData() != null) {
                map.getData().keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches())
                        .forEach(k -> problems.add("ConfigMap " + map.getMetadata().getName() + " holds the credential " + k));
            }
        }
        return problems;
    }

    /** The token verification key the service reads (mp.jwt.verify.publickey.location) is a file mounted from a Secret or ConfigMap. */
    List<String> verificationKeyMounted() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            Map<String, String> env = literals(environmentOf(container, new ArrayList<>(), module));
            String profile = env.getOrDefault("QUARKUS_PROFILE", PROFILE);
            Optional<String> location;
            try {
                location = module.resolved(profile, "mp.jwt.verify.publickey.location", env);
            } catch (IllegalArgumentException unset) {
                problems.add(module + ": the token verification key has no location: " + unset.getMessage());
                return;
            }
            if (location.isEmpty()) {
                problems.add(module + ": reads no mp.jwt.verify.publickey.location");
                return;
            }
            String path = location.get();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            boolean mounted = container.getVolumeMounts().stream()
                    .filter(m -> path.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/"))
                    .map(VolumeMount::getName)
                    .map(name -> pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst())
                    .flatMap(Optional::stream)
                    .anyMatch(v -> v.getSecret() != null || v.getConfigMap() != null);
            if (!mounted) {
                problems.add(module + ": the key " + path + " lies in no volume mounted from a Secret or ConfigMap");
            }
        });
        return problems;
    }

    /**
     * Each service that has a database reaches its own CloudNativePG Cluster: DB_URL names the Cluster's -rw Service
     * and the database it creates (the service's own, as in its local default), the login is the Cluster's -app
     * Secret; the Cluster runs a standby and has connections for the autoscaler's most pods plus a rolling update's
     * extra one.
     */
    List<String> databases() {
        List<String> problems = new ArrayList<>();
        Map<String, String> clusterOwners = new LinkedHashMap<>();
        forEachContainer((module, deployment, container) -> {
            if (!module.usesDatabase()) {
                return;
            }
            Map<String, Value> env = environmentOf(container, new ArrayList<>(), module);
            Value url = env.get("DB_URL");
            if (url == null || url.literal() == null) {
                problems.add(module + ": DB_URL is not a literal JDBC URL");
                return;
            }
            JdbcUrl jdbc = JdbcUrl.parse(url.literal());
            if (!jdbc.host().endsWith("-rw")) {
                problems.add(module + ": DB_URL names " + jdbc.host() + ", not a CloudNativePG <cluster>-rw Service");
                return;
            }
            String clusterName = jdbc.host().substring(0, jdbc.host().length() - "-rw".length());
            String previous = clusterOwners.putIfAbsent(clusterName, module.name());
            if (previous != null) {
                problems.add(module + ": shares the database Cluster " + clusterName + " with " + previous);
            }
            Optional<GenericKubernetesResource> cluster = manifests.custom(CNPG, "Cluster").stream()
                    .filter(c -> c.getMetadata().getName().equals(clusterName)).findFirst();
            if (cluster.isEmpty()) {
                problems.add(module + ": DB_URL names " + jdbc.host() + ", but there is no Cluster " + clusterName);
                return;
            }
            String database = cluster.get().get("spec", "bootstrap", "initdb", "database");
            if (!jdbc.database().equals(database)) {
                problems.add(module + ": DB_URL names the database " + jdbc.database() + ", Cluster " + clusterName + " creates " + database);
            }
            if (!jdbc.database().equals(module.defaultDatabase())) {
                problems.add(module + ": DB_URL names the database " + jdbc.database() + ", the service's own is " + module.defaultDatabase());
            }
            checkLogin(problems, module, env, "DB_USER", clusterName + "-app", "username");
            checkLogin(problems, module, env, "DB_PASSWORD", clusterName + "-app", "password");
            Number instances = cluster.get().get("spec", "instances");
            if (instances == null || instances.intValue() < 2) {
                problems.add(module + ": Cluster " + clusterName + " runs " + instances + " instance(s): no standby to fail over to");
            }
            checkConnections(problems, module, cluster.get());
        });
        return problems;
    }

    private static void checkLogin(List<String> problems, ServiceModule module, Map<String, Value> env, String name,
                                   String secret, String key) {
        Value value = env.get(name);
        SecretKeySelector ref = value == null ? null : value.secret();
        if (ref == null || !secret.equals(ref.getName()) || !key.equals(ref.getKey())) {
            problems.add(module + ": " + name + " is not the key " + key + " of the Secret " + secret);
        }
    }

    private void checkConnections(List<String> problems, ServiceModule module, GenericKubernetesResource cluster) {
        Optional<HorizontalPodAutoscaler> hpa = autoscalerOf(module.name());
        int pool = Integer.parseInt(module.value(PROFILE, "quarkus.datasource.jdbc.max-size").orElse("20"));
        Object parameter = cluster.get("spec", "postgresql", "parameters", "max_connections");
        int maxConnections = parameter == null ? 100 : Integer.parseInt(parameter.toString());
        int pods = hpa.map(h -> h.getSpec().getMaxReplicas()).orElse(1);
        int surge = (int) Math.ceil(pods * 0.25);
        int needed = (pods + surge) * (pool + DEDICATED_CONNECTIONS);
        if (needed > maxConnections - RESERVED_CONNECTIONS) {
            problems.add(module + ": " + (pods + surge) + " pods of " + (pool + DEDICATED_CONNECTIONS) + " connections need " + needed
                    + ", Cluster " + cluster.getMetadata().getName() + " allows " + (maxConnections - RESERVED_CONNECTIONS));
        }
    }

    /**
     * Every topic a service reads or writes is a Strimzi KafkaTopic of the cluster its KAFKA_BOOTSTRAP_SERVERS names,
     * with the local partition count and replicas that outlast one broker.
     */
    List<String> topics() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            if (!module.usesKafka()) {
                return;
            }
            Map<String, String> env = literals(environmentOf(container, new ArrayList<>(), module));
            String bootstrap = module.resolved(PROFILE, "kafka.bootstrap.servers", env).orElseThrow();
            for (String server : bootstrap.split(",")) {
                String host = server.trim().split(":")[0];
                String clusterName = host.endsWith("-kafka-bootstrap") ? host.substring(0, host.length() - "-kafka-bootstrap".length()) : null;
                if (clusterName == null || manifests.custom(STRIMZI, "Kafka").stream().noneMatch(k -> k.getMetadata().getName().equals(clusterName))) {
                    problems.add(module + ": KAFKA_BOOTSTRAP_SERVERS names " + server + ", not the <cluster>-kafka-bootstrap Service of a Kafka here");
                    continue;
                }
                int brokers = brokers(clusterName);
                for (String topic : project.topicsOf(module)) {
                    Optional<GenericKubernetesResource> kafkaTopic = manifests.custom(STRIMZI, "KafkaTopic").stream()
                            .filter(t -> topic.equals(topicName(t)) && clusterName.equals(t.getMetadata().getLabels().get("strimzi.io/cluster")))
                            .findFirst();
                    if (kafkaTopic.isEmpty()) {
                        problems.add(module + ": uses the topic " + topic + ", which has no KafkaTopic of the cluster " + clusterName);
                        continue;
                    }
                    Number partitions = kafkaTopic.get().get("spec", "partitions");
                    if (partitions == null || partitions.intValue() != project.localPartitions()) {
                        problems.add("KafkaTopic " + topic + ": " + partitions + " partitions, locally " + project.localPartitions());
                    }
                    Number replicas = kafkaTopic.get().get("spec", "replicas");
                    if (replicas == null || replicas.intValue() < 2 || replicas.intValue() > brokers) {
                        problems.add("KafkaTopic " + topic + ": " + replicas + " replicas on " + brokers + " brokers (at least 2, at most the brokers)");
                    }
                }
            }
        });
        return problems;
    }

    private static String topicName(GenericKubernetesResource topic) {
        String name = topic.get("spec", "topicName");
        return name != null ? name : topic.getMetadata().getName();
    }

    private int brokers(String kafkaCluster) {
        return manifests.custom(STRIMZI, "KafkaNodePool").stream()
                .filter(p -> kafkaCluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> p.<List<String>>get("spec", "roles").contains("broker"))
                .mapToInt(p -> p.<Number>get("spec", "replicas").intValue()).sum();
    }

    /** One autoscaler per Deployment, of at least two pods; every autoscaler targets a Deployment here. */
    List<String> autoscalers() {
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            String name = hpa.getMetadata().getName();
            if (!"apps/v1".equals(target.getApiVersion()) || !"Deployment".equals(target.getKind())
                    || manifests.named(Deployment.class, target.getName()).isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + name + " targets " + target.getKind() + " " + target.getName() + ", no Deployment here");
            }
            Integer min = hpa.getSpec().getMinReplicas();
            if (min == null || min < 2) {
                problems.add("HorizontalPodAutoscaler " + name + ": minReplicas " + min + ", at least 2 (one pod may fail)");
            }
            if (min != null && hpa.getSpec().getMaxReplicas() < min) {
                problems.add("HorizontalPodAutoscaler " + name + ": maxReplicas under minReplicas");
            }
            if (hpa.getSpec().getMetrics() == null || hpa.getSpec().getMetrics().isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + name + ": no metric to scale on");
            }
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            long count = manifests.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).count();
            if (count != 1) {
                problems.add("Deployment " + name + ": " + count + " HorizontalPodAutoscalers, one wanted");
            }
            if (deployment.getSpec().getReplicas() != null) {
                problems.add("Deployment " + name + ": sets replicas, which its autoscaler owns (each apply would reset the count)");
            }
        }
        return problems;
    }

    /** Each Deployment's pods have a disruption budget that lets a drain take one pod and keeps another. */
    List<String> disruptionBudgets() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(b -> b.getSpec().getSelector() != null && b.getSpec().getSelector().getMatchLabels() != null
                            && labels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            if (budgets.size() != 1) {
                problems.add("Deployment " + name + ": " + budgets.size() + " PodDisruptionBudgets select its pods, one wanted");
                continue;
            }
            IntOrString maxUnavailable = budgets.get(0).getSpec().getMaxUnavailable();
            if (maxUnavailable == null || maxUnavailable.getIntVal() == null || maxUnavailable.getIntVal() != 1) {
                problems.add("PodDisruptionBudget " + budgets.get(0).getMetadata().getName() + ": maxUnavailable " + show(maxUnavailable) + ", 1 wanted");
            }
        }
        return problems;
    }

    /** Each module has a Service that selects its pods and forwards to its port. */
    List<String> services() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            Optional<Service> service = serviceOf(deployment);
            if (service.isEmpty()) {
                problems.add(module + ": no Service selects its pods");
            } else if (service.get().getSpec().getPorts().stream()
                    .noneMatch(p -> Objects.equals(containerPort(container, p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort()), module.port()))) {
                problems.add(module + ": Service " + service.get().getMetadata().getName() + " forwards to no port " + module.port());
            }
        });
        return problems;
    }

    /**
     * The gateway's routes (the variables of its gateway.routes.* values, each a comma-separated list of URLs) name
     * Services of this set on their ports, and together reach every other module.
     */
    List<String> gatewayRoutes() {
        List<String> problems = new ArrayList<>();
        forEachContainer((module, deployment, container) -> {
            List<String> routeKeys = Project.routeKeys(module);
            if (routeKeys.isEmpty()) {
                return;
            }
            Map<String, String> env = literals(environmentOf(container, new ArrayList<>(), module));
            Set<String> reached = new TreeSet<>();
            for (String key : routeKeys) {
                String urls = module.resolved(PROFILE, key, env).orElseThrow();
                for (String url : urls.split(",")) {
                    URI uri = URI.create(url.trim());
                    String serviceName = uri.getHost().split("\\.")[0];
                    Optional<Service> service = manifests.named(Service.class, serviceName);
                    Optional<ServiceModule> target = service.flatMap(this::moduleBehind);
                    if (target.isEmpty()) {
                        problems.add(module + ": " + key + " names " + url + ", not a Service of a module here");
                    } else if (service.get().getSpec().getPorts().stream().map(ServicePort::getPort).noneMatch(p -> p == uri.getPort())) {
                        problems.add(module + ": " + key + " names port " + uri.getPort() + ", Service " + serviceName + " has no such port");
                    } else {
                        reached.add(target.get().name());
                    }
                }
            }
            for (ServiceModule routed : project.routedModules()) {
                if (!reached.contains(routed.name())) {
                    problems.add(module + ": no route reaches " + routed.name());
                }
            }
        });
        return problems;
    }

    /** No development key in any file: nothing of deploy/local/dev-keys, no PEM private key, no path into dev-keys. */
    List<String> noDevelopmentKey() {
        List<String> problems = new ArrayList<>();
        manifests.texts().forEach((file, text) -> {
            problems.addAll(Project.keyMaterialIn(file, text, project.developmentKeyLines()));
            if (text.contains("dev-keys")) {
                problems.add(file + " names deploy/local/dev-keys");
            }
        });
        return problems;
    }

    // ---- what the rules share

    /** A variable as the container gets it: a literal (from the Deployment or a ConfigMap), a Secret's key, or neither. */
    record Value(String literal, SecretKeySelector secret, String origin) {
    }

    @FunctionalInterface
    interface ContainerRule {
        void check(ServiceModule module, Deployment deployment, Container container);
    }

    private void forEachContainer(ContainerRule rule) {
        for (ServiceModule module : project.modules()) {
            manifests.named(Deployment.class, module.name())
                    .ifPresent(d -> container(d, module).ifPresent(c -> rule.check(module, d, c)));
        }
    }

    private static Optional<Container> container(Deployment deployment, ServiceModule module) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(module.name())).findFirst();
    }

    private Optional<HorizontalPodAutoscaler> autoscalerOf(String deployment) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(deployment)).findFirst();
    }

    private Optional<Service> serviceOf(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return manifests.all(Service.class).stream()
                .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                        && labels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                .findFirst();
    }

    private Optional<ServiceModule> moduleBehind(Service service) {
        return project.modules().stream()
                .filter(m -> manifests.named(Deployment.class, m.name()).flatMap(this::serviceOf)
                        .map(s -> s.getMetadata().getName().equals(service.getMetadata().getName())).orElse(false))
                .findFirst();
    }

    private static String show(IntOrString value) {
        return value == null ? "none" : value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    /** The number a probe's or Service's port means in this container (a name is looked up among its ports). */
    private static Integer containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    /** The container's variables: envFrom ConfigMaps first, env over them (Kubernetes' order). */
    Map<String, Value> environmentOf(Container container, List<String> problems, ServiceModule module) {
        Map<String, Value> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> map = manifests.configMap(name);
                if (map.isEmpty()) {
                    problems.add(module + ": envFrom names the ConfigMap " + name + ", which is not here");
                } else if (map.get().getData() != null) {
                    String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                    map.get().getData().forEach((k, v) -> env.put(prefix + k, new Value(v, null, "ConfigMap " + name)));
                }
            } else {
                problems.add(module + ": envFrom of a Secret sets variables no one can see here; name each with secretKeyRef");
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), new Value(var.getValue(), null, "the Deployment"));
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                env.put(var.getName(), new Value(null, var.getValueFrom().getSecretKeyRef(),
                        "Secret " + var.getValueFrom().getSecretKeyRef().getName()));
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                String literal = manifests.configMap(ref.getName()).map(ConfigMap::getData).map(d -> d.get(ref.getKey())).orElse(null);
                if (literal == null) {
                    problems.add(module + ": " + var.getName() + " names the key " + ref.getKey() + " of ConfigMap " + ref.getName() + ", which is not here");
                }
                env.put(var.getName(), new Value(literal, null, "ConfigMap " + ref.getName()));
            } else {
                env.put(var.getName(), new Value(null, null, "the pod's fields"));
            }
        }
        return env;
    }

    /** The literal values only: what resolving a property with this environment can use. */
    private static Map<String, String> literals(Map<String, Value> env) {
        Map<String, String> literals = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (v.literal() != null) {
                literals.put(k, v.literal());
            }
        });
        return literals;
    }
}
