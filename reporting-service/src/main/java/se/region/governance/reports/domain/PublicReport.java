package se.region.governance.reports.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A FINAL report as the public JSON answers it (docs/api.md, "Public (no token)"): the report's JSON without
 * {@code compiledBy} and {@code contentHash}, its sections without any person's name ({@link ReportView#withoutPersonNames()}).
 */
@JsonPropertyOrder({"id", "planId", "title", "periodFrom", "periodTo", "asOf", "status", "compiledAt", "finalizedAt",
        "preface", "conclusion", "sections"})
public record PublicReport(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf,
                           ReportStatus status, OffsetDateTime compiledAt, OffsetDateTime finalizedAt, String preface,
                           String conclusion, ReportSections sections) {

    public static PublicReport of(ReportView report) {
        ReportView r = report.withoutPersonNames();
        return new PublicReport(r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(), r.asOf(), r.status(),
                r.compiledAt(), r.finalizedAt(), r.preface(), r.conclusion(), r.sections());
    }
}
