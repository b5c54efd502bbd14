package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An adopted version: written once by an adoption, never changed. */
@Entity
@Immutable
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    public int number;

    @Embedded
    public Decision decision;

    @Column(name = "file_url")
    public String fileUrl;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "review_due")
    public LocalDate reviewDue;

    @Column(name = "adopted_at", nullable = false)
    public OffsetDateTime adoptedAt;

    protected DocumentVersion() {
    }

    public DocumentVersion(UUID documentId, int number, Decision decision, String fileUrl, LocalDate validFrom,
                           LocalDate reviewDue, OffsetDateTime adoptedAt) {
        this.id = UUID.randomUUID();
        this.documentId = documentId;
        this.number = number;
        this.decision = decision;
        this.fileUrl = fileUrl;
        this.validFrom = validFrom;
        this.reviewDue = reviewDue;
        this.adoptedAt = adoptedAt;
    }
}
