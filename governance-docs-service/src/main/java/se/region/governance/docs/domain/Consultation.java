package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A consultation round (remiss): who was asked, by when. Closed when the document moves on. */
@Entity
@Table(name = "consultation")
public class Consultation {

    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    /** Recipient names in the order sent (names may contain commas), as a jsonb array. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients = new ArrayList<>();

    @Column(nullable = false)
    public LocalDate deadline;

    public String description;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    protected Consultation() {
    }

    public Consultation(UUID documentId, List<String> recipients, LocalDate deadline, String description, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.documentId = documentId;
        this.recipients = new ArrayList<>(recipients);
        this.deadline = deadline;
        this.description = description;
        this.status = Status.OPEN;
        this.openedAt = now;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public void close(OffsetDateTime now) {
        status = Status.CLOSED;
        closedAt = now;
    }
}
