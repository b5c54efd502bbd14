package se.region.governance.docs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A consultation response (remissvar): from whom, when received, position and summary. */
@Entity
@Table(name = "consultation_response")
public class ConsultationResponse {

    @Id
    public UUID id;

    @Column(name = "consultation_id", nullable = false)
    public UUID consultationId;

    @Column(nullable = false)
    public String respondent;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponsePosition position;

    public String summary;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    protected ConsultationResponse() {
    }

    public ConsultationResponse(UUID consultationId, String respondent, LocalDate receivedOn, ResponsePosition position,
                                String summary, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.respondent = respondent;
        this.receivedOn = receivedOn;
        this.position = position;
        this.summary = summary;
        this.recordedAt = now;
    }
}
