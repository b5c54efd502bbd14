package se.region.governance.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the descriptors are held against, all read from the checkout: its modules, topics, local broker and development keys. */
record Project(Path root, List<ServiceModule> modules, Map<String, String> producers, int localPartitions,
               List<String> developmentKeyLines, List<String> developmentPrivateKeyLines) {

    private static final Pattern TOPIC_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`(/[^`]+)`\\s*\\|");
    private static final Pattern NUM_PARTITIONS = Pattern.compile("(?m)^num\\.partitions=(\\d+)$");

    static Project load() {
        Path root = Repository.root();
        Path keys = root.resolve("deploy/local/dev-keys");
        return new Project(root, ServiceModule.all(root), producers(root.resolve("docs/events.md")),
                localPartitions(root.resolve("deploy/local/infra")),
                keyLines(keys, "public.pem", "private.pem"), keyLines(keys, "private.pem"));
    }

    /** The topics a module writes (docs/events.md: the producer's source is the module's governance.events.source) or reads. */
    Set<String> topicsOf(ServiceModule module) {
        Set<String> topics = new TreeSet<>(module.channelTopics("prod"));
        module.value("prod", "governance.events.source").ifPresent(source ->
                producers.forEach((topic, producer) -> {
                    if (producer.equals(source)) {
                        topics.add(topic);
                    }
                }));
        return topics;
    }

    /** The modules other than those that route to them (the gateway): what the routes must reach. */
    List<ServiceModule> routedModules() {
        return modules.stream().filter(m -> routeKeys(m).isEmpty()).toList();
    }

    /** The properties of a module that name an upstream service (gateway.routes.*). */
    static List<String> routeKeys(ServiceModule module) {
        return module.config("prod").keySet().stream().filter(k -> k.startsWith("gateway.routes.")).sorted().toList();
    }

    /** Where development key material shows in a text: a PEM private key, or any line of the keys in deploy/local/dev-keys. */
    static List<String> keyMaterialIn(String where, String text, List<String> keyLines) {
        List<String> problems = new ArrayList<>();
        if (text.contains("PRIVATE KEY")) {
            problems.add(where + " holds a PEM private key");
        }
        for (String line : keyLines) {
            if (text.contains(line)) {
                problems.add(where + " holds a line of a development key in deploy/local/dev-keys");
                break;
            }
        }
        return problems;
    }

    private static Map<String, String> producers(Path eventsDoc) {
        Map<String, String> producers = new LinkedHashMap<>();
        boolean inTopics = false;
        for (String line : Repository.read(eventsDoc).split("\n")) {
            if (line.startsWith("## ")) {
                inTopics = line.equals("## Topics");
            }
            Matcher m = TOPIC_ROW.matcher(line);
            if (inTopics && m.find()) {
                producers.put(m.group(1), m.group(2));
            }
        }
        if (producers.isEmpty()) {
            throw new IllegalStateException("no topic rows under '## Topics' in " + eventsDoc);
        }
        return producers;
    }

    private static int localPartitions(Path infra) {
        Matcher m = NUM_PARTITIONS.matcher(Repository.read(infra));
        if (!m.find()) {
            throw new IllegalStateException("no num.partitions in " + infra);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The base64 lines of the named PEM files: long enough that finding one elsewhere means the key was copied. */
    private static List<String> keyLines(Path dir, String... files) {
        List<String> lines = new ArrayList<>();
        for (String file : files) {
            try (Stream<String> stream = Files.lines(dir.resolve(file))) {
                stream.map(String::trim).filter(l -> !l.startsWith("-----") && l.length() >= 40).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no key lines in " + dir);
        }
        return lines;
    }
}
