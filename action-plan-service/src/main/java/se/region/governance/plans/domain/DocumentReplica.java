package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service knows of a governing document, kept from governance.documents events. */
@Entity
@Table(name = "document_replica")
public class DocumentReplica {

    @Id
    public UUID id;

    @Column(name = "diary_number")
    public String diaryNumber;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "source_updated_at", nullable = false)
    public OffsetDateTime sourceUpdatedAt;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
