package se.region.governance.docs.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocumentStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, IN_CONSULTATION, true", "DRAFT, ADOPTED, true", "DRAFT, UNDER_REVIEW, false",
            "DRAFT, REPEALED, false", "DRAFT, REPLACED, false",
            "IN_CONSULTATION, ADOPTED, true", "IN_CONSULTATION, DRAFT, true", "IN_CONSULTATION, REPEALED, false",
            "IN_CONSULTATION, UNDER_REVIEW, false",
            "ADOPTED, UNDER_REVIEW, true", "ADOPTED, REPEALED, true", "ADOPTED, REPLACED, true",
            "ADOPTED, IN_CONSULTATION, false", "ADOPTED, DRAFT, false", "ADOPTED, ADOPTED, false",
            "UNDER_REVIEW, IN_CONSULTATION, true", "UNDER_REVIEW, ADOPTED, true", "UNDER_REVIEW, REPEALED, true",
            "UNDER_REVIEW, REPLACED, false", "UNDER_REVIEW, DRAFT, false",
            "REPEALED, ADOPTED, false", "REPEALED, DRAFT, false", "REPLACED, ADOPTED, false", "REPLACED, REPEALED, false"})
    void transitions(DocumentStatus from, DocumentStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
        Document d = Document.draft(UUID.randomUUID(), "T-1", "T", DocumentType.POLICY, OffsetDateTime.now());
        d.status = from;
        if (allowed) {
            d.moveTo(to);
            assertEquals(to, d.status);
        } else {
            InvalidTransition e = assertThrows(InvalidTransition.class, () -> d.moveTo(to));
            assertEquals(from.name(), e.properties().get("currentStatus"));
            assertEquals(from, d.status, "an illegal step changes nothing");
        }
    }

    @Test
    void repealedAndReplacedAreFinal() {
        assertEquals(EnumSet.noneOf(DocumentStatus.class), DocumentStatus.REPEALED.allowedNext());
        assertEquals(EnumSet.noneOf(DocumentStatus.class), DocumentStatus.REPLACED.allowedNext());
    }

    @Test
    void adoptionNumbersVersionsAndAppliesTheReviewRule() {
        Document d = Document.draft(UUID.randomUUID(), "RS342/2022", "Styrmodell", DocumentType.GOVERNANCE_MODEL,
                OffsetDateTime.now());
        int first = d.adopt(new Decision(DecisionBody.REGIONFULLMAKTIGE, null, LocalDate.of(2023, 6, 21), "§ 72"),
                "https://example.org/styrmodell.pdf", null);
        assertEquals(1, first);
        assertEquals(LocalDate.of(2027, 12, 31), d.reviewDue);
        d.moveTo(DocumentStatus.UNDER_REVIEW);
        int second = d.adopt(new Decision(DecisionBody.COMMITTEE, "Hälso- och sjukvårdsnämnden",
                LocalDate.of(2028, 3, 1), "§ 12"), null, LocalDate.of(2030, 6, 30));
        assertEquals(2, second);
        assertEquals(LocalDate.of(2030, 6, 30), d.reviewDue, "an explicit review date wins");
        assertEquals("https://example.org/styrmodell.pdf", d.fileUrl, "the file stays when none is given");
    }

    @Test
    void committeeDecisionWithoutExplicitDateKeepsThePreviousReviewDate() {
        Document d = Document.draft(UUID.randomUUID(), "HSN/1/2024", "Rutin", DocumentType.RULE, OffsetDateTime.now());
        d.reviewDue = LocalDate.of(2025, 1, 1);
        d.adopt(new Decision(DecisionBody.COMMITTEE, "HSN", LocalDate.of(2024, 5, 5), "§ 3"), null, null);
        assertEquals(LocalDate.of(2025, 1, 1), d.reviewDue);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "REGIONFULLMAKTIGE, 2023-06-21, 2027-12-31",
            "REGIONSTYRELSEN, 2022-08-17, 2023-12-31",
            "REGIONSTYRELSEN, 2019-01-01, 2023-12-31",
            "REGIONFULLMAKTIGE, 2026-12-31, 2027-12-31",
            "REGIONFULLMAKTIGE, 2027-01-01, 2031-12-31",
            "REGIONFULLMAKTIGE, 2018-05-01, 2019-12-31"})
    void reviewRuleByMandatePeriod(DecisionBody body, LocalDate adopted, LocalDate due) {
        assertEquals(due, ReviewRule.defaultReviewDue(body, adopted));
    }

    @Test
    void reviewRuleDoesNotApplyToOtherBodies() {
        assertNull(ReviewRule.defaultReviewDue(DecisionBody.COMMITTEE, LocalDate.of(2023, 6, 21)));
        assertNull(ReviewRule.defaultReviewDue(DecisionBody.REGIONAL_DIRECTOR, LocalDate.of(2023, 6, 21)));
        assertNull(ReviewRule.defaultReviewDue(DecisionBody.DEPARTMENT, LocalDate.of(2023, 6, 21)));
    }
}
