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

    /** The unit that owns the plan (it signs the report, like "HR-avdelningen, augusti 2023"), or null. */
    @JsonIgnore
    public String ownerUnit() {
        return sections.background() == null ? null : sections.background().ownerUnit();
    }
}
