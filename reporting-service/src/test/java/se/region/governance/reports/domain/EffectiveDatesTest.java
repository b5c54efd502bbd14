package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EffectiveDatesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OffsetDateTime COMMIT = OffsetDateTime.parse("2026-11-25T23:30:00Z");
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    @Test
    void businessDatesWinOverTheCommitTime() throws Exception {
        assertEquals(LocalDate.parse("2023-05-10"), EffectiveDates.of("actionplan.progress.reported",
                json("{\"update\":{\"date\":\"2023-05-10\"}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2023-04-20"), EffectiveDates.of("actionplan.collaboration.recorded",
                json("{\"collaboration\":{\"date\":\"2023-04-20\"}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2023-06-21"), EffectiveDates.of("governance.document.adopted",
                json("{\"version\":{\"decision\":{\"date\":\"2023-06-21\"}}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2023-08-30"), EffectiveDates.of("governance.document.consultation-opened",
                json("{\"consultation\":{\"deadline\":\"2023-11-30\"}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2022-08-17"), EffectiveDates.of("actionplan.measure.created",
                json("{\"measure\":{\"startDate\":\"2022-09-01\"}}"), COMMIT, STOCKHOLM, LocalDate.parse("2022-08-17")));
        assertEquals(LocalDate.parse("2022-08-17"), EffectiveDates.of("actionplan.plan.created",
                json("{\"plan\":{\"decision\":{\"date\":\"2022-08-17\"}}}"), COMMIT, STOCKHOLM, null));
    }

    @Test
    void aReviewCountsFromItsStartedOnAndADraftFromItsDraftingSince() throws Exception {
        assertEquals(LocalDate.parse("2022-08-17"), EffectiveDates.of("governance.document.review-started",
                json("{\"reason\":\"§ 183\",\"startedOn\":\"2022-08-17\"}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2026-11-26"), EffectiveDates.of("governance.document.review-started",
                json("{\"startedOn\":\"2027-01-01\"}"), COMMIT, STOCKHOLM, null), "never later than the event itself");
        assertEquals(LocalDate.parse("2023-05-01"), EffectiveDates.of("governance.document.created",
                json("{\"document\":{\"status\":\"DRAFT\",\"draftingSince\":\"2023-05-01\"}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2023-06-21"), EffectiveDates.of("governance.document.created",
                json("{\"document\":{\"decision\":{\"date\":\"2023-06-21\"},\"draftingSince\":\"2023-01-09\"}}"), COMMIT, STOCKHOLM, null),
                "a decision it already carries comes first");
        assertEquals(LocalDate.parse("2026-11-26"), EffectiveDates.of("governance.document.created",
                json("{\"document\":{\"draftingSince\":null}}"), COMMIT, STOCKHOLM, null));
        assertEquals(LocalDate.parse("2026-11-26"), EffectiveDates.of("governance.document.updated",
                json("{\"document\":{\"draftingSince\":\"2023-05-01\"}}"), COMMIT, STOCKHOLM, null), "an edit is dated by itself");
    }

    @Test
    void withoutABusinessDateTheCommitDateInSwedenCounts() throws Exception {
        assertEquals(LocalDate.parse("2026-11-26"), EffectiveDates.of("governance.document.review-started",
                json("{\"reason\":\"x\"}"), COMMIT, STOCKHOLM, null), "23:30 UTC is past midnight in Stockholm");
        assertEquals(LocalDate.parse("2026-11-26"), EffectiveDates.of("actionplan.progress.reported",
                json("{\"update\":{\"date\":\"not a date\"}}"), COMMIT, STOCKHOLM, null));
    }

    @Test
    void theCommitDateIsCountedInTheRegionsZone() throws Exception {
        assertEquals(LocalDate.parse("2026-11-25"), EffectiveDates.of("governance.document.review-started",
                json("{\"reason\":\"x\"}"), COMMIT, ZoneId.of("America/New_York"), null),
                "23:30 UTC is still the evening before in New York");
        assertEquals(LocalDate.parse("2026-11-25"), EffectiveDates.of("governance.document.updated",
                json("{}"), COMMIT, ZoneId.of("UTC"), null));
    }

    @Test
    void aPeriodMustRunForwards() {
        assertThrows(se.region.governance.commons.problem.DomainException.class,
                () -> new ReportPeriod(LocalDate.parse("2023-09-01"), LocalDate.parse("2023-08-31"), null));
        assertEquals(LocalDate.parse("2023-08-31"), new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), null).asOf());
    }
}
