package se.region.governance.docs.domain;

import java.time.LocalDate;

/**
 * Overarching policy documents are reviewed at the start of each mandate period. Mandate periods
 * are four years, starting 2019, 2023, 2027, …; a document adopted by regionfullmäktige or
 * regionstyrelsen is due for review by 31 December of the first year of the next period
 * (adopted 2023-06-21 → due 2027-12-31).
 */
public final class ReviewRule {

    static final int FIRST_PERIOD_START = 2019;
    static final int PERIOD_YEARS = 4;

    private ReviewRule() {
    }

    /** The first year of the mandate period following the one that contains {@code date}. */
    public static int nextPeriodStart(LocalDate date) {
        int offset = Math.floorMod(date.getYear() - FIRST_PERIOD_START, PERIOD_YEARS);
        return date.getYear() - offset + PERIOD_YEARS;
    }

    /** The default review date for a decision, or null when the rule does not apply to the body. */
    public static LocalDate defaultReviewDue(DecisionBody body, LocalDate decisionDate) {
        if (body == null || decisionDate == null || !body.reviewsByMandatePeriod()) {
            return null;
        }
        return LocalDate.of(nextPeriodStart(decisionDate), 12, 31);
    }
}
