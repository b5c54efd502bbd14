package se.region.governance.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rules deploy/compose must keep, each answering the problems it found (empty: kept). */
final class ComposeChecks {

    static final String DEFAULT_PROFILE = "prod";
    /** A loopback default that is right in a container: the browser's origin on the developer's machine, not an address the container dials. */
    static final Set<String> LOOPBACK_DEFAULT_KEPT = Set.of("GATEWAY_CORS_ORIGINS");
    private static final String INITDB = "/docker-entrypoint-initdb.d";
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)create\\s+database\\s+\"?([a-z0-9_]+)\"?");

    private final ComposeFile compose;
    private final Project project;

    ComposeChecks(ComposeFile compose, Project project) {
        this.compose = compose;
        this.project = project;
    }

    /** Each module runs as a service of its name that builds it (deploy/docker/Dockerfile.jvm, SERVICE = its folder). */
    List<String> servicesMatchModules() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : project.modules()) {
            Map<String, Object> service = compose.service(module.name());
            if (service == null) {
                problems.add(module + ": no Compose service named " + module.name());
            } else if (!ComposeFile.buildArg(service, "SERVICE").equals(Optional.of(module.directory()))) {
                problems.add(module + ": its Compose service builds " + ComposeFile.buildArg(service, "SERVICE").orElse("nothing"));
            }
        }
        return problems;
    }

    /**
     * Every service has a healthcheck, a module's asks its readiness on its port; whatever a service waits for
     * exists and is waited for until healthy.
     */
    List<String> healthchecks() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (ComposeFile.healthcheck(service).isEmpty()) {
                problems.add(name + ": no healthcheck");
            }
            ComposeFile.dependsOn(service).forEach((dependency, condition) -> {
                if (!compose.services().containsKey(dependency)) {
                    problems.add(name + ": depends on " + dependency + ", which is no service here");
                } else if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": waits for " + dependency + " until " + condition + ", not service_healthy");
                }
            });
        });
        forEachModule((module, service) -> ComposeFile.healthcheck(service).ifPresent(test -> {
            if (!test.contains(":" + module.port() + K8sChecks.READY)) {
                problems.add(module + ": its healthcheck (" + test + ") does not ask :" + module.port() + K8sChecks.READY);
            }
        }));
        return problems;
    }

    /**
     * The environment holds every variable the service cannot do without and only variables it reads, under the
     * profile the file sets (QUARKUS_PROFILE). Required: those without a default and those whose default is a
     * loopback address, which in a container is the container itself.
     */
    List<String> environment() {
        List<String> problems = new ArrayList<>();
        forEachModule((module, service) -> {
            Map<String, String> env = ComposeFile.environment(service);
            String profile = env.getOrDefault("QUARKUS_PROFILE", DEFAULT_PROFILE);
            Set<String> required = new TreeSet<>(module.environmentWithoutDefault(profile));
            module.environmentDefaults(profile).forEach((name, value) -> {
                if ((value.contains("127.0.0.1") || value.contains("localhost")) && !LOOPBACK_DEFAULT_KEPT.contains(name)) {
                    required.add(name);
                }
            });
            required.stream().filter(name -> !env.containsKey(name))
                    .forEach(name -> problems.add(module + ": " + name + " is not set, and the service needs it"));
            Set<String> read = module.environmentRead(profile);
            env.keySet().stream().filter(name -> !read.contains(name))
                    .forEach(name -> problems.add(module + ": " + name + " is set, but the service never reads it"));
        });
        return problems;
    }

    /**
     * Each service that has a database names its own (as in its local default) on a PostgreSQL service here that
     * creates it (POSTGRES_DB or a create database in its init scripts), and waits for that service.
     */
    List<String> databases() {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        forEachModule((module, service) -> {
            if (!module.usesDatabase()) {
                return;
            }
            Map<String, String> env = ComposeFile.environment(service);
            String url = module.resolved(env.getOrDefault("QUARKUS_PROFILE", DEFAULT_PROFILE), "quarkus.datasource.jdbc.url", env).orElseThrow();
            JdbcUrl jdbc = JdbcUrl.parse(url);
            String previous = owners.putIfAbsent(jdbc.host() + "/" + jdbc.database(), module.name());
            if (previous != null) {
                problems.add(module + ": shares the database " + jdbc.database() + " with " + previous);
            }
            if (!jdbc.database().equals(module.defaultDatabase())) {
                problems.add(module + ": DB_URL names the database " + jdbc.database() + ", the service's own is " + module.defaultDatabase());
            }
            Map<String, Object> postgres = compose.service(jdbc.host());
            if (postgres == null) {
                problems.add(module + ": DB_URL names the host " + jdbc.host() + ", which is no service here");
                return;
            }
            if (!createdDatabases(postgres).contains(jdbc.database())) {
                problems.add(module + ": " + jdbc.host() + " creates no database " + jdbc.database());
            }
            if (!ComposeFile.dependsOn(service).containsKey(jdbc.host())) {
                problems.add(module + ": does not wait for its database service " + jdbc.host());
            }
        });
        return problems;
    }

    private Set<String> createdDatabases(Map<String, Object> postgres) {
        Set<String> databases = new TreeSet<>();
        Optional.ofNullable(ComposeFile.environment(postgres).get("POSTGRES_DB")).ifPresent(databases::add);
        for (ComposeFile.Mount mount : ComposeFile.mounts(postgres)) {
            if (mount.target().equals(INITDB) || mount.target().startsWith(INITDB + "/")) {
                for (Path file : files(compose.dir().resolve(mount.source()))) {
                    if (file.toString().endsWith(".sql")) {
                        Matcher m = CREATE_DATABASE.matcher(Repository.read(file));
                        while (m.find()) {
                            databases.add(m.group(1));
                        }
                    }
                }
            }
        }
        return databases;
    }

    /** Each service that uses Kafka names a broker service here that it waits for, with the local partition count. */
    List<String> kafka() {
        List<String> problems = new ArrayList<>();
        forEachModule((module, service) -> {
            if (!module.usesKafka()) {
                return;
            }
            Map<String, String> env = ComposeFile.environment(service);
            String servers = module.resolved(env.getOrDefault("QUARKUS_PROFILE", DEFAULT_PROFILE), "kafka.bootstrap.servers", env).orElseThrow();
            for (String server : servers.split(",")) {
                String host = server.trim().split(":")[0];
                Map<String, Object> broker = compose.service(host);
                if (broker == null) {
                    problems.add(module + ": KAFKA_BOOTSTRAP_SERVERS names " + server + ", which is no service here");
                    continue;
                }
                if (!ComposeFile.dependsOn(service).containsKey(host)) {
                    problems.add(module + ": does not wait for its broker " + host);
                }
                String partitions = ComposeFile.environment(broker).get("KAFKA_NUM_PARTITIONS");
                if (!String.valueOf(project.localPartitions()).equals(partitions)) {
                    problems.add(host + ": KAFKA_NUM_PARTITIONS " + partitions + ", locally " + project.localPartitions());
                }
            }
        });
        return problems;
    }

    /** The token verification key the service reads under its profile is a public key mounted into the container. */
    List<String> verificationKeyMounted() {
        List<String> problems = new ArrayList<>();
        forEachModule((module, service) -> {
            Map<String, String> env = ComposeFile.environment(service);
            String profile = env.getOrDefault("QUARKUS_PROFILE", DEFAULT_PROFILE);
            String location;
            try {
                location = module.resolved(profile, "mp.jwt.verify.publickey.location", env).orElseThrow();
            } catch (IllegalArgumentException unset) {
                problems.add(module + ": the token verification key has no location: " + unset.getMessage());
                return;
            }
            Optional<Path> source = ComposeFile.mounts(service).stream()
                    .filter(m -> location.equals(m.target()) || location.startsWith(m.target() + "/"))
                    .map(m -> compose.dir().resolve(m.source()).resolve(location.substring(m.target().length()).replaceFirst("^/", "")))
                    .filter(Files::isRegularFile)
                    .findFirst();
            if (source.isEmpty()) {
                problems.add(module + ": the key " + location + " is not mounted from a file beside the Compose file");
            } else if (!Repository.read(source.get()).contains("PUBLIC KEY")) {
                problems.add(module + ": the key " + location + " is not a PEM public key");
            }
        });
        return problems;
    }

    /** No private key in the file, and none in what it mounts into a container (a file or anything in a mounted folder). */
    List<String> noPrivateKey() {
        List<String> problems = new ArrayList<>(Project.keyMaterialIn("compose.yaml", compose.text(), project.developmentPrivateKeyLines()));
        compose.services().forEach((name, service) -> {
            for (ComposeFile.Mount mount : ComposeFile.mounts(service)) {
                Path source = compose.dir().resolve(mount.source()).normalize();
                for (Path file : files(source)) {
                    if (!Project.keyMaterialIn(file.toString(), Repository.read(file), project.developmentPrivateKeyLines()).isEmpty()) {
                        problems.add(name + ": mounts " + mount.source() + ", which holds the private key " + project.root().relativize(file));
                    }
                }
            }
        });
        return problems;
    }

    /** The gateway's routes name the Compose services of the other modules on their ports. */
    List<String> gatewayRoutes() {
        List<String> problems = new ArrayList<>();
        forEachModule((module, service) -> {
            List<String> routeKeys = Project.routeKeys(module);
            if (routeKeys.isEmpty()) {
                return;
            }
            Map<String, String> env = ComposeFile.environment(service);
            String profile = env.getOrDefault("QUARKUS_PROFILE", DEFAULT_PROFILE);
            Set<String> reached = new TreeSet<>();
            for (String key : routeKeys) {
                for (String url : module.resolved(profile, key, env).orElseThrow().split(",")) {
                    URI uri = URI.create(url.trim());
                    Optional<ServiceModule> target = project.modules().stream().filter(m -> m.name().equals(uri.getHost())).findFirst();
                    if (target.isEmpty() || !compose.services().containsKey(uri.getHost())) {
                        problems.add(module + ": " + key + " names " + url + ", not the service of a module here");
                    } else if (uri.getPort() != target.get().port()) {
                        problems.add(module + ": " + key + " names port " + uri.getPort() + ", " + target.get().name() + " listens on " + target.get().port());
                    } else {
                        reached.add(target.get().name());
                    }
                }
            }
            project.routedModules().stream().filter(m -> !reached.contains(m.name()))
                    .forEach(m -> problems.add(module + ": no route reaches " + m.name()));
        });
        return problems;
    }

    @FunctionalInterface
    interface ServiceRule {
        void check(ServiceModule module, Map<String, Object> service);
    }

    private void forEachModule(ServiceRule rule) {
        for (ServiceModule module : project.modules()) {
            Map<String, Object> service = compose.service(module.name());
            if (service != null) {
                rule.check(module, service);
            }
        }
    }

    /** The regular files at a path: itself, or all below it; none when it does not exist (a named volume). */
    private static List<Path> files(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
