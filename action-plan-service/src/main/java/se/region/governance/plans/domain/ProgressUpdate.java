package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A progress update (lägesrapport) of a measure: immutable history. */
@Entity
@Table(name = "progress_update")
public class ProgressUpdate {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "measure_id", nullable = false)
    public UUID measureId;

    @Column(nullable = false)
    public LocalDate date;

    /** Who the update names as its author (defaults to the caller's name). */
    @Column(nullable = false)
    public String author;

    /** The token subject that recorded it (audit). */
    @Column(name = "author_sub", nullable = false)
    public String authorSub;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureStatus status;

    public int progress;

    public String text;

    public String obstacles;

    @Column(name = "next_steps")
    public String nextSteps;

    /** A concrete example of trust-based governance in practice (for the follow-up report). */
    public boolean example;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
