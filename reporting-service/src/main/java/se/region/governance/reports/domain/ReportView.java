package se.region.governance.reports.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A report as the API answers it (docs/api.md: id … contentHash, sections [{key,title,body,items}]). */
@JsonPropertyOrder({"id", "planId", "title", "periodFrom", "periodTo", "asOf", "status", "compiledBy", "compiledAt",
        "contentHash", "finalizedAt", "preface", "conclusion", "sections"})
public record ReportView(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf,
                         ReportStatus status, String compiledBy, OffsetDateTime compiledAt, String contentHash,
                         OffsetDateTime finalizedAt, String preface, String conclusion, ReportSections sections,
                         @JsonIgnore long version) {

    /**
     * The report as the public may read it (ADR 10: units are public, the people in them are not): no
     * {@code compiledBy}, no person in the sections ({@link ReportSections#withoutPersonNames()}), and no
     * {@code contentHash}, which is the hash of the content with the names and so cannot be checked against this copy.
     */
    public ReportView withoutPersonNames() {
        return new ReportView(id, planId, title, periodFrom, periodTo, asOf, status, null, compiledAt, null, finalizedAt,
                preface, conclusion, sections.withoutPersonNames(), version);
    }

    /** The unit that owns the plan (it signs the report, like "HR-avdelningen, augusti 2023"), or null. */
    @JsonIgnore
    public String ownerUnit() {
        return sections.background() == null ? null : sections.background().ownerUnit();
    }
}
