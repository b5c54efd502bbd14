package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A governing document in the register. */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    protected Document() {
    }

    public static Document draft(String diaryNumber, String title, DocumentType type, OffsetDateTime now) {
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.diaryNumber = diaryNumber;
        d.title = title;
        d.type = type;
        d.status = DocumentStatus.DRAFT;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }
}
