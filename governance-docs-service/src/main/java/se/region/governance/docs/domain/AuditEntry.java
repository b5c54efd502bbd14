package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a document's audit trail: who, when, which action, which field from what to what. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Column(name = "actor_name")
    public String actorName;

    @Column(nullable = false)
    public String action;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    protected AuditEntry() {
    }

    public AuditEntry(UUID documentId, OffsetDateTime at, String actorSub, String actorName, String action,
                      String field, String oldValue, String newValue) {
        this.documentId = documentId;
        this.at = at;
        this.actorSub = actorSub;
        this.actorName = actorName;
        this.action = action;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }
}
