package se.region.governance.plans.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A parent's progress rolls up from its children, weighted: sum(weight × progress) / sum(weight)
 * over the children that are not cancelled (all weights 0: a plain average). A measure without
 * such children keeps the progress reported on it. The plan's overall progress is the same
 * weighted average over its top-level measures.
 */
public final class ProgressRollup {

    /** The part of a measure the roll-up needs. */
    public record Node(UUID id, UUID parentId, int progress, int weight, MeasureStatus status) {
    }

    private final Map<UUID, Node> nodes = new HashMap<>();
    private final Map<UUID, List<Node>> children = new HashMap<>();
    private final Map<UUID, Double> effective = new HashMap<>();

    public ProgressRollup(List<Node> all) {
        all.forEach(n -> nodes.put(n.id(), n));
        for (Node n : all) {
            if (n.parentId() != null && nodes.containsKey(n.parentId())) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** The same plan with one measure's own values replaced, e.g. as they were before a change. */
    public ProgressRollup with(Node replacement) {
        return new ProgressRollup(nodes.values().stream()
                .map(n -> n.id().equals(replacement.id()) ? replacement : n).toList());
    }

    /** The measure's progress with its children rolled up, rounded to a whole percent. */
    public int progressOf(UUID id) {
        return (int) Math.round(exact(id, new HashSet<>()));
    }

    /** The weighted average of the top-level measures' rolled-up progress (0 for a plan without measures). */
    public int overall() {
        List<Node> top = nodes.values().stream()
                .filter(n -> n.parentId() == null || !nodes.containsKey(n.parentId())).toList();
        return (int) Math.round(weightedAverage(top, new HashSet<>(), 0));
    }

    public boolean hasChildren(UUID id) {
        return children.containsKey(id);
    }

    /** The measure and its ancestors, nearest first. */
    public List<UUID> withAncestors(UUID id) {
        List<UUID> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        UUID current = id;
        while (current != null && nodes.containsKey(current) && seen.add(current)) {
            chain.add(current);
            current = nodes.get(current).parentId();
        }
        return chain;
    }

    private double exact(UUID id, Set<UUID> path) {
        Double known = effective.get(id);
        if (known != null) {
            return known;
        }
        Node n = nodes.get(id);
        if (n == null) {
            return 0;
        }
        double value = n.progress();
        List<Node> kids = children.getOrDefault(id, List.of());
        if (path.add(id)) {
            List<Node> counted = kids.stream().filter(k -> k.status() != MeasureStatus.CANCELLED).toList();
            if (!counted.isEmpty()) {
                value = weightedAverage(counted, path, n.progress());
            }
            path.remove(id);
        }
        effective.put(id, value);
        return value;
    }

    private double weightedAverage(List<Node> list, Set<UUID> path, double ifEmpty) {
        List<Node> counted = list.stream().filter(k -> k.status() != MeasureStatus.CANCELLED).toList();
        if (counted.isEmpty()) {
            return ifEmpty;
        }
        long weights = counted.stream().mapToLong(Node::weight).sum();
        double sum = 0;
        for (Node k : counted) {
            sum += exact(k.id(), path) * (weights == 0 ? 1 : k.weight());
        }
        return sum / (weights == 0 ? counted.size() : weights);
    }
}
