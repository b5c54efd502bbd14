package se.region.governance.docs.application;

import se.region.governance.docs.domain.AuditEntry;
import se.region.governance.docs.domain.Consultation;
import se.region.governance.docs.domain.ConsultationResponse;
import se.region.governance.docs.domain.DocumentVersion;
import se.region.governance.docs.domain.ResponsePosition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Read models of versions, consultations, responses and the audit trail. */
public final class LifecycleViews {

    private LifecycleViews() {
    }

    public record VersionView(UUID id, UUID documentId, int number, DocumentView.DecisionView decision, String fileUrl,
                              LocalDate validFrom, LocalDate reviewDue, OffsetDateTime adoptedAt) {
        public static VersionView of(DocumentVersion v) {
            return new VersionView(v.id, v.documentId, v.number, DocumentView.DecisionView.of(v.decision), v.fileUrl,
                    v.validFrom, v.reviewDue, v.adoptedAt);
        }
    }

    public record ResponseView(UUID id, UUID consultationId, String respondent, LocalDate receivedOn,
                               ResponsePosition position, String summary, OffsetDateTime recordedAt) {
        public static ResponseView of(ConsultationResponse r) {
            return new ResponseView(r.id, r.consultationId, r.respondent, r.receivedOn, r.position, r.summary, r.recordedAt);
        }
    }

    public record ConsultationView(UUID id, UUID documentId, List<String> recipients, LocalDate deadline,
                                   String description, Consultation.Status status, OffsetDateTime openedAt,
                                   OffsetDateTime closedAt, List<ResponseView> responses) {
    }

    public record AuditView(long id, OffsetDateTime at, String sub, String name, String action, String field,
                            String oldValue, String newValue) {
        public static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.at, e.actorSub, e.actorName, e.action, e.field, e.oldValue, e.newValue);
        }
    }
}
