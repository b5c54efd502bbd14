package se.region.governance.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Compose file as SnakeYAML reads it, merge keys ({@code <<: *anchor}) resolved, with typed views of the parts
 * the checks look at. Each service's maps are its own (copied), so a test may change one service alone.
 */
final class ComposeFile {

    /** A bind mount or named volume: source as written (a path relative to the file's folder, or a volume name), target in the container. */
    record Mount(String source, String target) {
    }

    private final Path dir;
    private final String text;
    private final Map<String, Object> root;

    private ComposeFile(Path dir, String text, Map<String, Object> root) {
        this.dir = dir;
        this.text = text;
        this.root = root;
    }

    static ComposeFile load(Path file) {
        String text = Repository.read(file);
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return new ComposeFile(file.getParent(), text, deepCopy(root));
    }

    ComposeFile copy() {
        return new ComposeFile(dir, text, deepCopy(root));
    }

    Path dir() {
        return dir;
    }

    String text() {
        return text;
    }

    /** The services by name; a test may change them. */
    Map<String, Map<String, Object>> services() {
        return map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        return services().get(name);
    }

    /** The service's environment, in either of Compose's forms (map, or list of NAME=value). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String entry = item.toString();
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** The healthcheck's command as one line, if the service has one. */
    static Optional<String> healthcheck(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> check) || check.get("test") == null) {
            return Optional.empty();
        }
        Object test = check.get("test");
        return Optional.of(test instanceof List<?> parts ? String.join(" ", parts.stream().map(Object::toString).toList()) : test.toString());
    }

    /** The services this one waits for, each with its condition (the list form means service_started). */
    static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof List<?> list) {
            list.forEach(name -> conditions.put(name.toString(), "service_started"));
        } else if (raw instanceof Map<?, ?> m) {
            m.forEach((name, spec) -> conditions.put(name.toString(),
                    spec instanceof Map<?, ?> s && s.get("condition") != null ? s.get("condition").toString() : "service_started"));
        }
        return conditions;
    }

    static List<Mount> mounts(Map<String, Object> service) {
        List<Mount> mounts = new ArrayList<>();
        if (service.get("volumes") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    mounts.add(new Mount(String.valueOf(m.get("source")), String.valueOf(m.get("target"))));
                } else {
                    String[] parts = item.toString().split(":");
                    mounts.add(new Mount(parts[0], parts.length > 1 ? parts[1] : parts[0]));
                }
            }
        }
        return mounts;
    }

    /** A build argument (SERVICE: the module deploy/docker/Dockerfile.jvm packages). */
    static Optional<String> buildArg(Map<String, Object> service, String name) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args && args.get(name) != null) {
            return Optional.of(args.get(name).toString());
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, T>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
