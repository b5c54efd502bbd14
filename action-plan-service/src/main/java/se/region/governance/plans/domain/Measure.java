package se.region.governance.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A measure (åtgärd) of a plan, or a sub-activity of one (parentId). Status and progress change
 * through progress updates; the status enum keeps the allowed transitions.
 */
@Entity
@Table(name = "measure")
public class Measure {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "responsible_unit", nullable = false)
    public String responsibleUnit;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureStatus status;

    /** Progress as reported on this measure (0-100); a parent's shown progress is rolled up from its children. */
    public int progress;

    public int weight;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** Principle codes as a jsonb array, in the order set (V4; every list of both services is stored so). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Principle> principles = new ArrayList<>();

    /** Linked documents' ids as a jsonb array, in the order set. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document_ids", nullable = false)
    public List<UUID> documentIds = new ArrayList<>();

    /** Date of the latest progress update (null before the first). */
    @Column(name = "last_update_on")
    public LocalDate lastUpdateOn;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    protected Measure() {
    }

    public static Measure create(UUID id, UUID planId, String code, String title, String responsibleUnit,
                                 OffsetDateTime now) {
        Measure m = new Measure();
        m.id = id;
        m.planId = planId;
        m.code = code;
        m.title = title;
        m.responsibleUnit = responsibleUnit;
        m.status = MeasureStatus.PLANNED;
        m.weight = 1;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    public void moveTo(MeasureStatus next) {
        if (!status.canMoveTo(next)) {
            throw InvalidTransition.of(status, next);
        }
        status = next;
    }

    /**
     * Applies a progress update. The latest update by date is the measure's state: an update dated
     * before the latest one goes into the history without changing status or progress.
     *
     * @return whether the update was the latest, i.e. whether it was applied
     */
    public boolean report(LocalDate date, MeasureStatus newStatus, int newProgress) {
        if (lastUpdateOn != null && date.isBefore(lastUpdateOn)) {
            return false;
        }
        moveTo(newStatus);
        progress = newProgress;
        lastUpdateOn = date;
        return true;
    }

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }
}
