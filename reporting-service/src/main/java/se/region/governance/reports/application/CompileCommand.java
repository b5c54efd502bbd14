package se.region.governance.reports.application;

import java.time.LocalDate;

/** What to compile: a plan, the period, the date whose state is shown, a title and who compiled it. */
public record CompileCommand(String planId, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf, String title,
                             String compiledBy) {
}
