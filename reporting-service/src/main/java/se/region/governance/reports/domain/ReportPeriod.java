package se.region.governance.reports.domain;

import se.region.governance.commons.problem.DomainException;

import java.time.LocalDate;
import java.util.Map;

/** What a report covers: a period and the date whose state it shows. Validates itself. */
public record ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf) {
    public ReportPeriod {
        if (from == null || to == null) {
            throw invalid("periodFrom and periodTo are required", "periodFrom");
        }
        if (from.isAfter(to)) {
            throw invalid("periodFrom (" + from + ") must not be after periodTo (" + to + ")", "periodFrom");
        }
        if (asOf == null) {
            asOf = to;
        }
        if (asOf.isBefore(from)) {
            throw invalid("asOf (" + asOf + ") must not be before periodFrom (" + from + ")", "asOf");
        }
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to) && !date.isAfter(asOf);
    }

    private static DomainException invalid(String detail, String field) {
        return new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request", detail,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", detail))));
    }
}
