package se.region.governance.docs.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.region.governance.docs.application.DocumentView.DecisionView;
import se.region.governance.docs.application.DocumentView.PrincipleView;
import se.region.governance.docs.application.DocumentView.RelationView;
import se.region.governance.docs.application.LifecycleViews.VersionView;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A document as anyone may read it (ADR 10): the register's fields without {@code responsible} (units are public,
 * the people in them are not) and without {@code draftingSince} (a date of the drafting, before the document was
 * public); relations and a successor only where they lead to a public document, so that no answer tells that a
 * draft exists. {@code versions} (the adoptions, oldest first) in the answer of one document, left out of a list's.
 */
public record PublicDocumentView(UUID id, String diaryNumber, String title, DocumentType type, boolean political,
                                 DocumentStatus status, String ownerUnit, String summary, DecisionView decision,
                                 List<PrincipleView> principles, LocalDate reviewDue, String fileUrl,
                                 List<RelationView> relations, int currentVersion, UUID successorId,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<PublicVersionView> versions) {

    /** An adoption: its decision, validity and file (an adoption records no person). */
    public record PublicVersionView(int number, DecisionView decision, LocalDate validFrom, LocalDate reviewDue,
                                    String fileUrl, OffsetDateTime adoptedAt) {
        static PublicVersionView of(VersionView v) {
            return new PublicVersionView(v.number(), v.decision(), v.validFrom(), v.reviewDue(), v.fileUrl(), v.adoptedAt());
        }
    }

    /** The public part of {@code d}; {@code publicIds} holds which of the documents it names are public. */
    static PublicDocumentView of(DocumentView d, Set<UUID> publicIds, List<PublicVersionView> versions) {
        return new PublicDocumentView(d.id(), d.diaryNumber(), d.title(), d.type(), d.political(), d.status(), d.ownerUnit(),
                d.summary(), d.decision(), d.principles(), d.reviewDue(), d.fileUrl(),
                d.relations().stream().filter(r -> publicIds.contains(r.documentId())).toList(), d.currentVersion(),
                d.successorId() != null && publicIds.contains(d.successorId()) ? d.successorId() : null, d.createdAt(), d.updatedAt(), d.version(),
                versions);
    }
}
