package se.region.governance.docs.application;

import se.region.governance.docs.domain.DecisionBody;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;
import se.region.governance.docs.domain.RelationKind;
import se.region.governance.docs.domain.ResponsePosition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask of the register; validated at the API edge, checked against the state here. */
public final class Commands {

    private Commands() {
    }

    public record DecisionData(DecisionBody body, String committee, LocalDate date, String paragraph) {
    }

    public record PrincipleData(Principle principle, String passage) {
    }

    public record RelationData(RelationKind kind, UUID documentId) {
    }

    /** Every editable field of a document (create and PUT). */
    public record DocumentData(String diaryNumber, String title, DocumentType type, Boolean political, String ownerUnit,
                               String responsible, String summary, DecisionData decision, List<PrincipleData> principles,
                               LocalDate reviewDue, String fileUrl, List<RelationData> relations,
                               LocalDate draftingSince) {
    }

    public record OpenConsultation(List<String> recipients, LocalDate deadline, String description) {
    }

    public record RecordResponse(String respondent, LocalDate receivedOn, ResponsePosition position, String summary) {
    }

    public record Adopt(DecisionData decision, String fileUrl, LocalDate validFrom, LocalDate reviewDue) {
    }

    /** @param startedOn the day the review was decided or began; null means today (the region's calendar) */
    public record StartReview(String reason, LocalDate startedOn) {
    }

    public record Repeal(DecisionData decision, String reason) {
    }
}
