package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An action plan: its originating decision, owner unit, period and status. Measures belong to it. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "owner_unit", nullable = false)
    public String ownerUnit;

    @Embedded
    public Decision decision;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    protected Plan() {
    }

    public static Plan create(UUID id, String title, String ownerUnit, OffsetDateTime now) {
        Plan p = new Plan();
        p.id = id;
        p.title = title;
        p.ownerUnit = ownerUnit;
        p.status = PlanStatus.ACTIVE;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    public void moveTo(PlanStatus next) {
        if (!status.canMoveTo(next)) {
            throw InvalidTransition.of(status, next);
        }
        status = next;
    }
}
