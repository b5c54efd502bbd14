package se.region.governance.reports.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report as the list shows it: everything but its sections (a large plan's report is megabytes of
 * sections; its summary some hundred bytes). {@code GET /api/v1/reports/{id}} gives the whole report.
 */
public record ReportSummary(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo,
                            LocalDate asOf, ReportStatus status, String compiledBy, OffsetDateTime compiledAt,
                            String contentHash, OffsetDateTime finalizedAt, String preface, String conclusion) {
}
