package se.region.governance.reports.domain;

import se.region.governance.commons.problem.DomainException;

import java.util.Map;

/** Any change to a FINAL report: its bytes and content hash are frozen. */
public class ReportFrozen extends DomainException {
    public ReportFrozen(String action) {
        super(Kind.CONFLICT, "report-final", "Report is final",
                "The report is FINAL and cannot be " + action + "; compile a new report instead",
                Map.of("currentStatus", "FINAL"));
    }
}
