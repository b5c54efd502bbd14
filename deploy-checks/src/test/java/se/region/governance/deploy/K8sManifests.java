package se.region.governance.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The resources of every *.yaml in a folder, parsed by fabric8: the built-in kinds typed (Deployment, Service,
 * ConfigMap, autoscaling/v2 HorizontalPodAutoscaler, policy/v1 PodDisruptionBudget), the operators' kinds
 * (Strimzi, CloudNativePG) as GenericKubernetesResource, since fabric8 has no model of them.
 */
final class K8sManifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;
    private final Map<String, String> texts;

    private K8sManifests(List<HasMetadata> resources, Map<String, String> texts) {
        this.resources = resources;
        this.texts = texts;
    }

    static K8sManifests load(Path dir) {
        List<HasMetadata> resources = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Repository.read(file);
                texts.put(file.getFileName().toString(), text);
                Object parsed = SERIALIZATION.unmarshal(text);
                if (parsed instanceof List<?> list) {
                    list.forEach(r -> resources.add((HasMetadata) r));
                } else if (parsed != null) {
                    resources.add((HasMetadata) parsed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new K8sManifests(resources, texts);
    }

    /** A deep copy whose resources a test may change. */
    K8sManifests copy() {
        return new K8sManifests(new ArrayList<>(resources.stream().map(SERIALIZATION::clone).toList()), new LinkedHashMap<>(texts));
    }

    /** Every resource, in file order; a test may add or remove. */
    List<HasMetadata> resources() {
        return resources;
    }

    /** Each file's text by its name; a test may add one. */
    Map<String, String> texts() {
        return texts;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** The resources of an operator's kind, matched on the group of apiVersion and the kind. */
    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> apiVersion.equals(r.getApiVersion()) && kind.equals(r.getKind())).toList();
    }

    Optional<ConfigMap> configMap(String name) {
        return named(ConfigMap.class, name);
    }
}
