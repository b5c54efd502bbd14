package se.region.governance.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A compiled follow-up report: recompiled and edited while DRAFT, frozen once FINAL. */
@Entity
@Table(name = "report")
@DynamicUpdate
public class Report {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public String planId;
    public String title;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    @Column(name = "compiled_by")
    public String compiledBy;
    @Column(name = "compiled_at")
    public OffsetDateTime compiledAt;
    public String preface;
    public String conclusion;
    /** The compiled sections, stored as JSON (infrastructure's SectionsColumn); replaced whole by a recompile. */
    public ReportSections sections;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "finalized_at")
    public OffsetDateTime finalizedAt;
    @Column(name = "finalized_by")
    public String finalizedBy;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Report compiled(UUID id, String planId, String title, ReportPeriod period, String compiledBy,
                                  String createdBy, ReportSections sections, OffsetDateTime now) {
        Report r = new Report();
        r.id = id;
        r.planId = planId;
        r.title = title;
        r.periodFrom = period.from();
        r.periodTo = period.to();
        r.asOf = period.asOf();
        r.status = ReportStatus.DRAFT;
        r.compiledBy = compiledBy;
        r.createdBy = createdBy;
        r.sections = sections;
        r.compiledAt = now;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    public ReportPeriod period() {
        return new ReportPeriod(periodFrom, periodTo, asOf);
    }

    /** New data, same period and free text. */
    public void recompiled(ReportSections newSections, OffsetDateTime now) {
        status.requireDraft("recompiled");
        sections = newSections;
        compiledAt = now;
        updatedAt = now;
    }

    /** Free-text blocks: a null argument keeps the block, an empty one clears it. */
    public void editText(String newPreface, String newConclusion, OffsetDateTime now) {
        status.requireDraft("edited");
        if (newPreface != null) {
            preface = newPreface.isEmpty() ? null : newPreface;
        }
        if (newConclusion != null) {
            conclusion = newConclusion.isEmpty() ? null : newConclusion;
        }
        updatedAt = now;
    }

    public void finalized(String hash, String by, OffsetDateTime now) {
        status.requireDraft("finalized again");
        status = ReportStatus.FINAL;
        contentHash = hash;
        finalizedBy = by;
        finalizedAt = now;
        updatedAt = now;
    }
}
