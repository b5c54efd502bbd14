package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.plans.application.Views.DocumentRef;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.domain.DocumentReplica;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.ProgressRollup;
import se.region.governance.plans.infrastructure.DocumentReplicaRepository;
import se.region.governance.plans.infrastructure.MeasureRepository;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds measure views: progress rolled up over the plan, linked documents from the replica. */
@ApplicationScoped
public class MeasureViews {

    /** Natural order of codes: "2" before "2.1" before "10". */
    public static final Comparator<String> CODE_ORDER = MeasureViews::compareCodes;

    @Inject
    MeasureRepository measures;
    @Inject
    DocumentReplicaRepository replicas;

    public ProgressRollup rollup(UUID planId) {
        return new ProgressRollup(measures.nodesOf(planId));
    }

    public MeasureView view(Measure m) {
        return views(List.of(m), rollup(m.planId)).get(0);
    }

    public List<MeasureView> views(List<Measure> list, ProgressRollup rollup) {
        Map<UUID, DocumentReplica> docs = replicas.byIds(list.stream().flatMap(m -> m.documentIds.stream())
                        .collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        return list.stream().map(m -> of(m, rollup, docs)).toList();
    }

    static MeasureView of(Measure m, ProgressRollup rollup, Map<UUID, DocumentReplica> docs) {
        List<DocumentRef> refs = m.documentIds.stream().map(docs::get).filter(Objects::nonNull)
                .map(d -> new DocumentRef(d.id, d.diaryNumber, d.title, d.status)).toList();
        return new MeasureView(m.id, m.planId, m.code, m.title, m.description, m.responsibleUnit, m.responsiblePerson,
                m.status, rollup.hasChildren(m.id) ? rollup.progressOf(m.id) : m.progress, m.progress, m.weight,
                m.startDate, m.dueDate, m.principles.stream().sorted().toList(), List.copyOf(m.documentIds), refs,
                m.parentId, m.lastUpdateOn, m.createdAt, m.updatedAt, m.version);
    }

    /** The documents of {@code ids} the replica knows; the unknown ones. */
    public List<UUID> unknownDocuments(Collection<UUID> ids) {
        var known = replicas.byIds(ids).stream().map(d -> d.id).collect(Collectors.toSet());
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    static int compareCodes(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = comparePart(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int comparePart(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
