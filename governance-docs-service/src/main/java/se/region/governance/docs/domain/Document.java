package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A governing document in the register: its metadata and lifecycle status. */
@Entity
@Table(name = "document")
public class Document {

    @Id
    public UUID id;

    @Column(name = "diary_number", nullable = false)
    public String diaryNumber;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentType type;

    public boolean political;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    @Column(name = "owner_unit")
    public String ownerUnit;

    public String responsible;

    public String summary;

    /** When work on the document began (e.g. a plan being drafted); a business date, not the registration. */
    @Column(name = "drafting_since")
    public LocalDate draftingSince;

    @Embedded
    public Decision decision;

    @Column(name = "review_due")
    public LocalDate reviewDue;

    @Column(name = "file_url")
    public String fileUrl;

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "successor_id")
    public UUID successorId;

    /**
     * Each principle at most once, with its passage; a jsonb array in the row (V6), like every list of
     * the register. Replaced as a whole ({@link #expresses}), never changed in place.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PrincipleTag> principles = new ArrayList<>();

    /** Each relation at most once; a jsonb array in the row (V6). Replaced as a whole ({@link #relatesTo}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Relation> relations = new ArrayList<>();

    /** Title, summary and principle passages: what the Swedish full-text index covers. */
    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    protected Document() {
    }

    public static Document draft(UUID id, String diaryNumber, String title, DocumentType type, OffsetDateTime now) {
        Document d = new Document();
        d.id = id;
        d.diaryNumber = diaryNumber;
        d.title = title;
        d.type = type;
        d.status = DocumentStatus.DRAFT;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    /** Moves along the lifecycle, or throws {@link InvalidTransition}. */
    public void moveTo(DocumentStatus next) {
        if (!status.canMoveTo(next)) {
            throw new InvalidTransition(status, next);
        }
        status = next;
    }

    /** Adopts (again): the next version number, the decision, and the review date by the mandate-period rule unless given. */
    public int adopt(Decision adoption, String adoptedFileUrl, LocalDate explicitReviewDue) {
        moveTo(DocumentStatus.ADOPTED);
        decision = adoption;
        if (adoptedFileUrl != null) {
            fileUrl = adoptedFileUrl;
        }
        LocalDate byRule = ReviewRule.defaultReviewDue(adoption.body, adoption.date);
        reviewDue = explicitReviewDue != null ? explicitReviewDue : byRule != null ? byRule : reviewDue;
        currentVersion++;
        return currentVersion;
    }

    public void replacedBy(UUID successor) {
        moveTo(DocumentStatus.REPLACED);
        successorId = successor;
    }

    /** Sets the principles the document expresses, in the order given; a principle given twice is refused. */
    public void expresses(List<PrincipleTag> tags) {
        if (tags.stream().map(t -> t.principle).distinct().count() != tags.size()) {
            throw new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request",
                    "Invalid value of principles", Map.of("errors",
                    List.of(new Problem.FieldError("principles", "each principle at most once"))));
        }
        principles = new ArrayList<>(tags);
    }

    /** Sets the document's relations, in the order given; a relation given twice is kept once. */
    public void relatesTo(List<Relation> list) {
        relations = new ArrayList<>(new LinkedHashSet<>(list));
    }

    public Set<UUID> replacedDocuments() {
        return relations.stream().filter(r -> r.kind == RelationKind.REPLACES).map(r -> r.documentId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void refreshSearchText() {
        StringBuilder b = new StringBuilder(title);
        if (summary != null) {
            b.append('\n').append(summary);
        }
        principles.stream().filter(p -> p.passage != null).forEach(p -> b.append('\n').append(p.passage));
        searchText = b.toString();
    }
}
