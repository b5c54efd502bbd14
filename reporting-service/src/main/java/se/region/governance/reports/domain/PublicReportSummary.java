package se.region.governance.reports.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A FINAL report as the public list shows it: no sections, no text, no person. */
public record PublicReportSummary(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo,
                                  LocalDate asOf, OffsetDateTime finalizedAt) {
}
