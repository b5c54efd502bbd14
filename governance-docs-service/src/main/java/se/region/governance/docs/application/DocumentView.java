package se.region.governance.docs.application;

import se.region.governance.docs.domain.Decision;
import se.region.governance.docs.domain.DecisionBody;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;
import se.region.governance.docs.domain.RelationKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A document as the API answers it and as events carry it (docs/events.md, DocumentView). */
public record DocumentView(UUID id, String diaryNumber, String title, DocumentType type, boolean political,
                           DocumentStatus status, String ownerUnit, String responsible, String summary,
                           LocalDate draftingSince, DecisionView decision, List<PrincipleView> principles, LocalDate reviewDue, String fileUrl,
                           List<RelationView> relations, int currentVersion, UUID successorId,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    public record DecisionView(DecisionBody body, String committee, LocalDate date, String paragraph) {
        public static DecisionView of(Decision d) {
            return d == null ? null : new DecisionView(d.body, d.committee, d.date, d.paragraph);
        }
    }

    public record PrincipleView(Principle principle, String passage) {
    }

    public record RelationView(RelationKind kind, UUID documentId) {
    }

    public static DocumentView of(Document d) {
        return new DocumentView(d.id, d.diaryNumber, d.title, d.type, d.political, d.status, d.ownerUnit, d.responsible,
                d.summary, d.draftingSince, DecisionView.of(d.decision),
                d.principles.stream().sorted(Comparator.comparing(p -> p.principle))
                        .map(p -> new PrincipleView(p.principle, p.passage)).toList(),
                d.reviewDue, d.fileUrl,
                d.relations.stream().sorted(Comparator.comparing((se.region.governance.docs.domain.Relation r) -> r.kind)
                                .thenComparing(r -> r.documentId))
                        .map(r -> new RelationView(r.kind, r.documentId)).toList(),
                d.currentVersion, d.successorId, d.createdAt, d.updatedAt, d.version);
    }

    /** The fields a change is tracked on (audit trail, events' {@code changes}). */
    Map<String, Object> trackedFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("diaryNumber", diaryNumber);
        m.put("title", title);
        m.put("type", type);
        m.put("political", political);
        m.put("status", status);
        m.put("ownerUnit", ownerUnit);
        m.put("responsible", responsible);
        m.put("summary", summary);
        m.put("draftingSince", draftingSince);
        m.put("decision", decision);
        m.put("principles", principles);
        m.put("reviewDue", reviewDue);
        m.put("fileUrl", fileUrl);
        m.put("relations", relations);
        m.put("currentVersion", currentVersion);
        m.put("successorId", successorId);
        return m;
    }
}
