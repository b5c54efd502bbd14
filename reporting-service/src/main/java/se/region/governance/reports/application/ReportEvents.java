package se.region.governance.reports.application;

import se.region.governance.reports.domain.ReportView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The events of reporting.reports (docs/events.md): past-tense records written through the outbox. */
public final class ReportEvents {

    private ReportEvents() {
    }

    public record ReportSummary(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo,
                                LocalDate asOf, String status, String compiledBy, OffsetDateTime compiledAt,
                                String contentHash, OffsetDateTime finalizedAt) {
        static ReportSummary of(ReportView r) {
            return new ReportSummary(r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(), r.asOf(),
                    r.status().name(), r.compiledBy(), r.compiledAt(), r.contentHash(), r.finalizedAt());
        }
    }

    /** reporting.report.compiled (also after a recompile). */
    public record ReportCompiled(ReportSummary report) {
    }

    /** reporting.report.finalized: carries the content hash that freezes it. */
    public record ReportFinalized(ReportSummary report) {
    }
}
