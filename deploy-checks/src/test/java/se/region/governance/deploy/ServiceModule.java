package se.region.governance.deploy;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One deployable module of the set (a module of the parent POM with an application.properties) and what its
 * configuration reads: its own application.properties over the META-INF/microprofile-config.properties of the
 * sibling modules it depends on at run time (governance-commons' shared defaults), per profile.
 */
final class ServiceModule {

    /** Read by Quarkus itself before any property: which profile's values apply. */
    private static final Set<String> RUNTIME_ENVIRONMENT = Set.of("QUARKUS_PROFILE");
    private static final String GROUP = "se.region.governance";
    private static final Pattern ENTRYPOINT_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");

    private final String directory;
    private final List<Properties> layers;
    private final Set<String> imageEnvironment;

    private ServiceModule(String directory, List<Properties> layers, Set<String> imageEnvironment) {
        this.directory = directory;
        this.layers = layers;
        this.imageEnvironment = imageEnvironment;
    }

    /** The deployable modules of the parent POM, in its order. */
    static List<ServiceModule> all(Path root) {
        Map<String, Path> modulesByArtifact = new LinkedHashMap<>();
        for (String module : texts(pom(root.resolve("pom.xml")), "module")) {
            Path dir = root.resolve(module);
            modulesByArtifact.put(texts(pomProject(dir), "artifactId").get(0), dir);
        }
        Set<String> imageEnvironment = entrypointVariables(root.resolve("deploy/docker/Dockerfile.jvm"));
        List<ServiceModule> services = new ArrayList<>();
        for (Path dir : modulesByArtifact.values()) {
            Path properties = dir.resolve("src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue;
            }
            List<Properties> layers = new ArrayList<>();
            for (String dependency : runtimeSiblingDependencies(dir)) {
                Path shared = modulesByArtifact.get(dependency).resolve("src/main/resources/META-INF/microprofile-config.properties");
                if (Files.exists(shared)) {
                    layers.add(load(shared));
                }
            }
            layers.add(load(properties));
            services.add(new ServiceModule(dir.getFileName().toString(), layers, imageEnvironment));
        }
        return services;
    }

    /** The module's folder, which deploy/docker/Dockerfile.jvm takes as its SERVICE argument. */
    String directory() {
        return directory;
    }

    /** quarkus.application.name: what the deployments name the service. */
    String name() {
        return config("prod").get("quarkus.application.name");
    }

    int port() {
        return Integer.parseInt(config("prod").get("quarkus.http.port"));
    }

    /** The properties in force under a profile: profile-specific keys over plain ones, a module's over shared ones. */
    Map<String, String> config(String profile) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> profiled = new LinkedHashMap<>();
        for (Properties layer : layers) {
            for (String key : layer.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    plain.put(key, layer.getProperty(key));
                } else if (List.of(key.substring(1, key.indexOf('.')).split(",")).contains(profile)) {
                    profiled.put(key.substring(key.indexOf('.') + 1), layer.getProperty(key));
                }
            }
        }
        plain.putAll(profiled);
        return plain;
    }

    Optional<String> value(String profile, String key) {
        return Optional.ofNullable(config(profile).get(key));
    }

    /**
     * Every environment variable the service reads under a profile: those its values name, the one per property
     * (MicroProfile Config's mapping: KAFKA_BOOTSTRAP_SERVERS overrides kafka.bootstrap.servers), Quarkus' profile
     * and what the image's entrypoint expands (JAVA_OPTS).
     */
    Set<String> environmentRead(String profile) {
        Set<String> read = new TreeSet<>(RUNTIME_ENVIRONMENT);
        read.addAll(imageEnvironment);
        config(profile).forEach((key, value) -> {
            read.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
            Placeholders.in(value).stream().filter(Placeholders.Placeholder::isEnvironmentVariable)
                    .forEach(p -> read.add(p.name()));
        });
        return read;
    }

    /** The environment variables that the values name and that no default backs: the service cannot start without them. */
    Set<String> environmentWithoutDefault(String profile) {
        Set<String> required = new TreeSet<>();
        config(profile).values().forEach(value -> Placeholders.in(value).stream()
                .filter(p -> p.isEnvironmentVariable() && p.defaultValue().isEmpty())
                .forEach(p -> required.add(p.name())));
        return required;
    }

    /** The default each named environment variable has where a value names it. */
    Map<String, String> environmentDefaults(String profile) {
        Map<String, String> defaults = new LinkedHashMap<>();
        config(profile).values().forEach(value -> Placeholders.in(value).stream()
                .filter(p -> p.isEnvironmentVariable() && p.defaultValue().isPresent())
                .forEach(p -> defaults.putIfAbsent(p.name(), p.defaultValue().get())));
        return defaults;
    }

    /** The environment variables named in the value of one property. */
    Set<String> environmentIn(String profile, String key) {
        Set<String> names = new LinkedHashSet<>();
        value(profile, key).ifPresent(value -> Placeholders.in(value).stream()
                .filter(Placeholders.Placeholder::isEnvironmentVariable).forEach(p -> names.add(p.name())));
        return names;
    }

    /** A property's value as the service sees it with this environment. */
    Optional<String> resolved(String profile, String key, Map<String, String> environment) {
        Map<String, String> config = config(profile);
        return value(profile, key).map(value -> Placeholders.resolve(value,
                name -> Optional.ofNullable(environment.get(name)).or(() -> Optional.ofNullable(config.get(name)))));
    }

    /** The Kafka topics its channels read or write (mp.messaging.incoming|outgoing.*.topic). */
    Set<String> channelTopics(String profile) {
        Set<String> topics = new TreeSet<>();
        config(profile).forEach((key, value) -> {
            if (key.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic")) {
                topics.add(value);
            }
        });
        return topics;
    }

    boolean usesDatabase() {
        return config("prod").containsKey("quarkus.datasource.jdbc.url");
    }

    boolean usesKafka() {
        return config("prod").containsKey("kafka.bootstrap.servers");
    }

    /** The database the local default of its JDBC URL names: the service's own (README, "Ports"). */
    String defaultDatabase() {
        String url = config("prod").get("quarkus.datasource.jdbc.url");
        String local = Placeholders.resolve(url, name -> Optional.empty());
        return JdbcUrl.parse(local).database();
    }

    @Override
    public String toString() {
        return directory;
    }

    private static Set<String> entrypointVariables(Path dockerfile) {
        Set<String> names = new TreeSet<>();
        for (String line : Repository.read(dockerfile).split("\n")) {
            if (line.startsWith("ENTRYPOINT") || line.startsWith("CMD")) {
                Matcher m = ENTRYPOINT_VARIABLE.matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Artifact ids of the project's own modules this one needs at run time (not test-jars, not test scope). */
    private static List<String> runtimeSiblingDependencies(Path dir) {
        List<String> ids = new ArrayList<>();
        NodeList dependencies = pomProject(dir).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (GROUP.equals(child(dependency, "groupId")) && child(dependency, "type") == null
                    && !"test".equals(child(dependency, "scope"))) {
                ids.add(child(dependency, "artifactId"));
            }
        }
        return ids;
    }

    private static Element pomProject(Path dir) {
        return pom(dir.resolve("pom.xml"));
    }

    private static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(Repository.read(file)))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The texts of the project element's direct children's children named so (modules/module, or artifactId). */
    private static List<String> texts(Element project, String name) {
        List<String> found = new ArrayList<>();
        NodeList nodes = project.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            Element parent = (Element) e.getParentNode();
            if (parent == project || parent.getParentNode() == project && "modules".equals(parent.getTagName())) {
                found.add(e.getTextContent().trim());
            }
        }
        return found;
    }

    private static String child(Element element, String name) {
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
