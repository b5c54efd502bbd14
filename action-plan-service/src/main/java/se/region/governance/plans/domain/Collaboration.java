package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A collaboration record (samverkan) with employees and unions, for a measure or the whole plan. */
@Entity
@Table(name = "collaboration")
public class Collaboration {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Null when the collaboration concerns the whole plan. */
    @Column(name = "measure_id")
    public UUID measureId;

    @Column(nullable = false)
    public LocalDate date;

    /** Party names as a jsonb array, in the order sent (names may contain commas). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> parties = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CollaborationForm form;

    public String outcome;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
